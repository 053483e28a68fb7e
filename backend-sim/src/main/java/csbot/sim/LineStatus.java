package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;

enum LineStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("suspended") SUSPENDED,
    @JsonProperty("expired") EXPIRED
}
