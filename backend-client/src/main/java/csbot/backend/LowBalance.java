package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * {@code lowBalanceEvent}: a change of balance took a line from at or above its low-balance threshold to below it.
 *
 * @param expiryDate  the line's expiry (retention) date
 * @param recycleDate when the number is recycled if it is not topped up by then
 */
public record LowBalance(String eventId, OffsetDateTime eventTime, String msisdn, Money balance, Money threshold,
                         OffsetDateTime expiryDate, OffsetDateTime recycleDate) implements BackendEvent {

    public LowBalance {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(expiryDate, "expiryDate");
        Objects.requireNonNull(recycleDate, "recycleDate");
    }
}
