package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to one code check; also its JSON body. */
record Verdict(Status status, int attemptsLeft) {

    enum Status {
        @JsonProperty("verified") VERIFIED,
        @JsonProperty("wrongCode") WRONG_CODE,
        @JsonProperty("expired") EXPIRED,
        @JsonProperty("locked") LOCKED
    }
}
