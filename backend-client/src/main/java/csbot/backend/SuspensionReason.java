package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a line is suspended at once: its card is out of the customer's hands. */
public enum SuspensionReason {
    @JsonProperty("lost") LOST,
    @JsonProperty("stolen") STOLEN
}
