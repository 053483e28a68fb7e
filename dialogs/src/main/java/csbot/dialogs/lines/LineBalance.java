package csbot.dialogs.lines;

import csbot.backend.Bucket;
import csbot.backend.LineStatus;
import csbot.backend.Quantity;
import csbot.backend.UsageType;

import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a customer wants to know about a line, read from its TMF654 buckets: money, allowances, expiry, status.
 * The expiry is the end of the monetary bucket's validity, as a date in the backend's own offset.
 */
public record LineBalance(String msisdn, LineStatus status, Optional<Quantity> money, Optional<Quantity> data,
                   Optional<Quantity> voice, Optional<Quantity> sms, Optional<OffsetDateTime> expiresAt) {

    public static LineBalance of(String msisdn, List<Bucket> buckets) {
        Optional<Bucket> monetary = find(buckets, UsageType.MONETARY);
        LineStatus status = monetary.or(() -> buckets.stream().findFirst()).map(Bucket::status)
                .orElse(LineStatus.ACTIVE);
        Optional<OffsetDateTime> expiry = monetary.map(Bucket::validFor)
                .flatMap(v -> Optional.ofNullable(v.endDateTime()));
        return new LineBalance(msisdn, status, monetary.map(Bucket::remainingValue),
                find(buckets, UsageType.DATA).map(Bucket::remainingValue),
                find(buckets, UsageType.VOICE).map(Bucket::remainingValue),
                find(buckets, UsageType.SMS).map(Bucket::remainingValue), expiry);
    }

    public Optional<LocalDate> expiryDate() {
        return expiresAt.map(OffsetDateTime::toLocalDate);
    }

    /** Whole days from today to the expiry date, both in the backend's offset: 0 on the day itself, negative once past. */
    public Optional<Long> daysLeft(Instant now) {
        return expiresAt.map(end -> ChronoUnit.DAYS.between(now.atOffset(end.getOffset()).toLocalDate(),
                end.toLocalDate()));
    }

    private static Optional<Bucket> find(List<Bucket> buckets, UsageType type) {
        return buckets.stream().filter(b -> b.usageType() == type).findFirst();
    }
}
