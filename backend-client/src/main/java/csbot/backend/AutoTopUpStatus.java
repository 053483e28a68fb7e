package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum AutoTopUpStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("cancelled") CANCELLED
}
