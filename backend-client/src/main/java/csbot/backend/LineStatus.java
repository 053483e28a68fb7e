package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TMF654 bucket / line status. */
public enum LineStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("suspended") SUSPENDED,
    @JsonProperty("expired") EXPIRED
}
