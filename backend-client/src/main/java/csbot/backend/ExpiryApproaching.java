package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * {@code expiryApproachingEvent}: a line expires in {@code daysLeft} days (sent 7, 3 and 1 days before).
 *
 * @param expiryDate  the line's expiry (retention) date
 * @param recycleDate when the number is recycled if it is not topped up by then
 */
public record ExpiryApproaching(String eventId, OffsetDateTime eventTime, String msisdn, int daysLeft, Money balance,
                                OffsetDateTime expiryDate, OffsetDateTime recycleDate) implements BackendEvent {

    public ExpiryApproaching {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(expiryDate, "expiryDate");
        Objects.requireNonNull(recycleDate, "recycleDate");
        if (daysLeft < 0) {
            throw new IllegalArgumentException("daysLeft " + daysLeft);
        }
    }
}
