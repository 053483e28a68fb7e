package csbot.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A threshold auto top-up (vendor extension): when the balance falls below {@code threshold}, top up {@code amount}. */
final class ThresholdRule {

    record View(ThresholdRule rule, boolean active, MoneyJson threshold, MoneyJson amount, String paymentMethodId,
                boolean lowBalanceReminder, Optional<Instant> lastRunAt) {
    }

    /** One run: its number names it in the run's idempotency key. */
    record Run(int number, MoneyJson amount, String paymentMethodId) {
    }

    /** New values, already checked; null leaves a value as it is. */
    record Change(MoneyJson threshold, MoneyJson amount, String paymentMethodId, Boolean lowBalanceReminder) {
    }

    private final String id;
    private final long seq;
    private final String msisdn;
    private final Instant createdAt;
    private MoneyJson threshold;
    private MoneyJson amount;
    private String paymentMethodId;
    private boolean lowBalanceReminder;
    private boolean active = true;
    private Instant lastRunAt;
    private int runs;

    ThresholdRule(String id, long seq, String msisdn, Instant createdAt, MoneyJson threshold, MoneyJson amount,
                  String paymentMethodId, boolean lowBalanceReminder) {
        this.id = id;
        this.seq = seq;
        this.msisdn = msisdn;
        this.createdAt = createdAt;
        this.threshold = threshold;
        this.amount = amount;
        this.paymentMethodId = paymentMethodId;
        this.lowBalanceReminder = lowBalanceReminder;
    }

    synchronized View view() {
        return new View(this, active, threshold, amount, paymentMethodId, lowBalanceReminder,
                Optional.ofNullable(lastRunAt));
    }

    synchronized View change(Change change) {
        if (!active) {
            throw ApiError.conflict("autoTopupCancelled", "this auto top-up was cancelled; set up a new one");
        }
        threshold = change.threshold() == null ? threshold : change.threshold();
        amount = change.amount() == null ? amount : change.amount();
        paymentMethodId = change.paymentMethodId() == null ? paymentMethodId : change.paymentMethodId();
        lowBalanceReminder = change.lowBalanceReminder() == null ? lowBalanceReminder : change.lowBalanceReminder();
        return view();
    }

    synchronized void cancel() {
        active = false;
    }

    synchronized boolean isActive() {
        return active;
    }

    /** A run when this change of balance went from at or above the threshold to below it. */
    synchronized Optional<Run> runIfCrossed(BigDecimal before, BigDecimal after, Instant now) {
        BigDecimal limit = threshold.amount();
        if (!active || before.compareTo(limit) < 0 || after.compareTo(limit) >= 0) {
            return Optional.empty();
        }
        lastRunAt = now;
        return Optional.of(new Run(++runs, amount, paymentMethodId));
    }

    String id() {
        return id;
    }

    long seq() {
        return seq;
    }

    String msisdn() {
        return msisdn;
    }

    Instant createdAt() {
        return createdAt;
    }
}
