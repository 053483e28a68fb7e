package csbot.backend;

import java.time.OffsetDateTime;

/** TMF validFor. The monetary bucket's {@code endDateTime} is the line's expiry (retention) date. */
public record TimePeriod(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {
}
