package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum AutoTopUpKind {
    /** TMF654 topupBalance with {@code isAutoTopup} and a {@code recurringPeriod}. */
    @JsonProperty("periodic") PERIODIC,
    /** Vendor extension: when the balance falls below a threshold, top up a fixed amount. */
    @JsonProperty("threshold") THRESHOLD
}
