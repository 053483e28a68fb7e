package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum OtpStatus {
    @JsonProperty("verified") VERIFIED,
    @JsonProperty("wrongCode") WRONG_CODE,
    @JsonProperty("expired") EXPIRED,
    @JsonProperty("locked") LOCKED
}
