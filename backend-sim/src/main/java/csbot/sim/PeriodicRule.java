package csbot.sim;

import java.time.Instant;
import java.util.Optional;

/**
 * A periodic auto top-up (TMF654 topupBalance with {@code isAutoTopup}): every period the saved method is charged.
 * Changes and runs take the rule's lock, so a run is taken once however many sweeps look at it.
 */
final class PeriodicRule implements TopupBalanceResource {

    record View(PeriodicRule rule, boolean active, MoneyJson amount, RecurringPeriod period, String paymentMethodId,
                boolean lowBalanceReminder, Instant nextRunAt) {
    }

    /** One due run: its number names it in the run's idempotency key. */
    record Run(int number, MoneyJson amount, String paymentMethodId) {
    }

    /** New values, already checked; null leaves a value as it is. */
    record Change(MoneyJson amount, RecurringPeriod period, String paymentMethodId, Boolean lowBalanceReminder) {
    }

    private final String id;
    private final long seq;
    private final String msisdn;
    private final String channel;
    private final Instant createdAt;
    private MoneyJson amount;
    private RecurringPeriod period;
    private String paymentMethodId;
    private boolean lowBalanceReminder;
    private boolean active = true;
    private Instant nextRunAt;
    private int runs;

    PeriodicRule(String id, long seq, String msisdn, String channel, Instant createdAt, MoneyJson amount,
                 RecurringPeriod period, String paymentMethodId, boolean lowBalanceReminder) {
        this.id = id;
        this.seq = seq;
        this.msisdn = msisdn;
        this.channel = channel;
        this.createdAt = createdAt;
        this.amount = amount;
        this.period = period;
        this.paymentMethodId = paymentMethodId;
        this.lowBalanceReminder = lowBalanceReminder;
        this.nextRunAt = period.after(createdAt);
    }

    synchronized View view() {
        return new View(this, active, amount, period, paymentMethodId, lowBalanceReminder, nextRunAt);
    }

    /** A new period starts counting now; the same period again changes nothing, so a repeated patch is harmless. */
    synchronized View change(Change change, Instant now) {
        requireActive();
        amount = change.amount() == null ? amount : change.amount();
        if (change.period() != null && change.period() != period) {
            period = change.period();
            nextRunAt = period.after(now);
        }
        paymentMethodId = change.paymentMethodId() == null ? paymentMethodId : change.paymentMethodId();
        lowBalanceReminder = change.lowBalanceReminder() == null ? lowBalanceReminder : change.lowBalanceReminder();
        return view();
    }

    /** Cancelling a cancelled rule is no error: the caller's wish holds. */
    synchronized View cancel() {
        active = false;
        return view();
    }

    /** The next run if it is due by {@code now}; the run after it is then due one period later. */
    synchronized Optional<Run> takeDue(Instant now) {
        if (!active || nextRunAt.isAfter(now)) {
            return Optional.empty();
        }
        nextRunAt = period.after(nextRunAt);
        return Optional.of(new Run(++runs, amount, paymentMethodId));
    }

    synchronized boolean isActive() {
        return active;
    }

    private void requireActive() {
        if (!active) {
            throw ApiError.conflict("autoTopupCancelled", "this auto top-up was cancelled; set up a new one");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String msisdn() {
        return msisdn;
    }

    @Override
    public long seq() {
        return seq;
    }

    String channel() {
        return channel;
    }

    Instant createdAt() {
        return createdAt;
    }
}
