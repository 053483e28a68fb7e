package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneOffset;

/** TMF654 {@code recurringPeriod} of a periodic auto top-up; calendar months, counted in UTC. */
enum RecurringPeriod {
    @JsonProperty("monthly") MONTHLY(1),
    @JsonProperty("quarterly") QUARTERLY(3),
    @JsonProperty("yearly") YEARLY(12);

    private final int months;

    RecurringPeriod(int months) {
        this.months = months;
    }

    Instant after(Instant from) {
        return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
