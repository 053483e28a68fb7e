package csbot.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backend's own warnings to a line's owner, sent as events (DESIGN §8): {@code lowBalanceEvent} when a change of
 * balance takes a line from at or above its currency's threshold to below it, and {@code expiryApproachingEvent} 7, 3
 * and 1 days before a line's expiry date, as simulator time passes those moments.
 */
final class LineAlerts {

    static final String LOW_BALANCE = "lowBalanceEvent";
    static final String EXPIRY_APPROACHING = "expiryApproachingEvent";
    static final List<Integer> REMINDER_DAYS = List.of(7, 3, 1);

    /** Per currency, in its units: what a carrier would call "low" (about a month of number keeping). */
    private static final Map<String, BigDecimal> THRESHOLDS = Map.of(
            "GBP", new BigDecimal("5.00"), "HKD", new BigDecimal("50.00"), "CNY", new BigDecimal("30.00"));
    private static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("5.00");

    private final Events events;
    private final AtomicReference<Instant> sweptUpTo;

    LineAlerts(Events events, Instant now) {
        this.events = events;
        this.sweptUpTo = new AtomicReference<>(now);
    }

    static BigDecimal threshold(String currency) {
        return THRESHOLDS.getOrDefault(currency, DEFAULT_THRESHOLD);
    }

    /** The balance a drain leaves: below the threshold, so the line is "low" however often it is drained. */
    static BigDecimal drained(String currency) {
        return threshold(currency).multiply(new BigDecimal("0.4")).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * @param now the line as it is now, after any threshold auto top-up the change set off: a line such a top-up
     *            brought back above the threshold is not low, and the customer is not warned
     */
    void balanceChanged(AccountStore.Change change, LineAccount now, Instant at) {
        BigDecimal threshold = threshold(change.after().currency());
        if (change.before().balance().compareTo(threshold) >= 0 && change.after().balance().compareTo(threshold) < 0
                && now.balance().compareTo(threshold) < 0) {
            lowBalance(now, at);
        }
    }

    /** Sends {@code lowBalanceEvent} for a line that is below its threshold now (a drained demo line). */
    void lowBalance(LineAccount line, Instant now) {
        Map<String, Object> body = body(line);
        body.put("threshold", MoneyJson.of(threshold(line.currency()), line.currency()));
        events.emit(LOW_BALANCE, "lowBalance", body, now);
    }

    /** Emits the reminders whose moment lies in (last sweep, now]; each moment is passed once. */
    void sweep(List<AccountStore.OwnedLine> lines, Instant now) {
        Instant from = sweptUpTo.getAndAccumulate(now, (a, b) -> b.isAfter(a) ? b : a);
        if (!now.isAfter(from)) {
            return;
        }
        for (AccountStore.OwnedLine owned : lines) {
            LineAccount line = owned.line();
            for (int days : REMINDER_DAYS) {
                Instant moment = line.expiresAt().minus(Duration.ofDays(days));
                if (moment.isAfter(from) && !moment.isAfter(now) && line.statusAt(now) == LineStatus.ACTIVE) {
                    Map<String, Object> body = body(line);
                    body.put("daysLeft", days);
                    events.emit(EXPIRY_APPROACHING, "expiryApproaching", body, now);
                }
            }
        }
    }

    void reset(Instant now) {
        sweptUpTo.set(now);
    }

    private static Map<String, Object> body(LineAccount line) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msisdn", line.msisdn());
        body.put("balance", MoneyJson.of(line.balance(), line.currency()));
        body.put("expiryDate", line.expiresAt());
        body.put("recycleDate", line.expiresAt().plus(LineAccount.RECOVERY_PERIOD));
        return body;
    }
}
