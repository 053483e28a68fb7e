package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/** TMF validFor. The monetary bucket's {@code endDateTime} is the line's expiry (retention) date. */
public record TimePeriod(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {

    public TimePeriod {
        Objects.requireNonNull(startDateTime, "startDateTime");
        Objects.requireNonNull(endDateTime, "endDateTime");
    }
}
