package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TMF654 recurringPeriod of a periodic auto top-up. */
public enum RecurringPeriod {
    @JsonProperty("monthly") MONTHLY,
    @JsonProperty("quarterly") QUARTERLY,
    @JsonProperty("yearly") YEARLY
}
