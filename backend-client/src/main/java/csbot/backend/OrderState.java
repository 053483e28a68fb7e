package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TMF622 states of a reissue order. */
public enum OrderState {
    @JsonProperty("acknowledged") ACKNOWLEDGED,
    @JsonProperty("inProgress") IN_PROGRESS,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("rejected") REJECTED,
    @JsonProperty("cancelled") CANCELLED;

    /** Still to be decided: acknowledged or in progress. */
    public boolean isOpen() {
        return this == ACKNOWLEDGED || this == IN_PROGRESS;
    }
}
