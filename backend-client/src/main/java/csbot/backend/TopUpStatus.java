package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TMF654 topupBalance status: created → completed | failed (cancelled for auto top-ups stopped). */
public enum TopUpStatus {
    @JsonProperty("created") CREATED,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public boolean isFinal() {
        return this != CREATED;
    }
}
