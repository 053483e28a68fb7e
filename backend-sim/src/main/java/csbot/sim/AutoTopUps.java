package csbot.sim;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Auto top-ups: periodic ones (kept with the top-ups, at {@code /topupBalance}) and threshold ones
 * ({@code /ext/v1/thresholdTopups}); at most one of each in force per line. Runs them when they are due — a period
 * has passed, or a change of balance went below the threshold — each run a top-up of its own charged to the saved
 * method, with an idempotency key naming the run, so a run happens once however often it is looked at.
 */
final class AutoTopUps {

    /** A rule an idempotency key stands for, and whether this call made it. */
    record Created<V>(V rule, boolean isNew) {
    }

    /** What a periodic auto top-up request asks for, compared when its idempotency key comes again. */
    private record PeriodicOrder(String msisdn, MoneyJson amount, RecurringPeriod period, PaymentRef payment,
                                 boolean lowBalanceReminder, String channel) {
    }

    /** Same for a threshold one. */
    private record ThresholdOrder(String msisdn, MoneyJson threshold, MoneyJson amount, PaymentRef payment,
                                  boolean lowBalanceReminder) {
    }

    static final String CHANNEL = "autoTopup";

    private final AccountStore store;
    private final SavedMethods savedMethods;
    private final TopupBalances balances;
    private final TopUpProcessor processor;
    private final SimClock clock;
    /** Also in {@link TopupBalances}, which serves them; here so sweeps need not look through every top-up. */
    private final ConcurrentHashMap<String, PeriodicRule> periodic = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ThresholdRule> thresholds = new ConcurrentHashMap<>();
    private final IdempotencyKeys thresholdKeys = new IdempotencyKeys();
    private final AtomicLong sequence = new AtomicLong();
    /** Taken to create a rule: "one in force per line and kind" is checked and kept in one step. */
    private final Object creation = new Object();

    AutoTopUps(AccountStore store, SavedMethods savedMethods, TopupBalances balances, TopUpProcessor processor,
               SimClock clock) {
        this.store = store;
        this.savedMethods = savedMethods;
        this.balances = balances;
        this.processor = processor;
        this.clock = clock;
    }

    // ---- periodic

    Created<PeriodicRule.View> createPeriodic(String idempotencyKey, TopupBalanceJson.Create body) {
        String msisdn = body.msisdn();
        MoneyJson amount = MoneyJson.required(body.amount(), "amount");
        PaymentRef payment = PaymentRef.required(body.paymentMethod());
        PeriodicOrder order = new PeriodicOrder(msisdn, amount, body.recurringPeriod(), payment,
                Boolean.TRUE.equals(body.lowBalanceReminder()), body.channelName());
        Optional<String> replay = balances.keys().replay(idempotencyKey, order);
        if (replay.isPresent()) {
            return new Created<>(periodicWithId(replay.get()).view(), false);
        }
        LineAccount line = line(msisdn);
        if (order.period() == null) {
            throw ApiError.unprocessable("recurringPeriodRequired",
                    "a periodic auto top-up needs a recurringPeriod: monthly, quarterly or yearly");
        }
        if (!body.planId().isEmpty()) {
            throw ApiError.unprocessable("unknownPlan", "auto top-ups top up an amount, not a plan");
        }
        TopUpCatalog.forLine(line).custom(amount, "amount");
        String methodId = savedMethodOf(line, payment);
        Instant now = clock.now();
        synchronized (creation) {
            IdempotencyKeys.Claim claim = balances.keys().claim(idempotencyKey, order, () -> {
                if (activePeriodic(msisdn).isPresent()) {
                    throw alreadyOne();
                }
                PeriodicRule rule = new PeriodicRule(balances.newId(), balances.nextSeq(), msisdn, order.channel(),
                        now, amount, order.period(), methodId, order.lowBalanceReminder());
                balances.add(rule);
                periodic.put(rule.id(), rule);
                return rule.id();
            });
            return new Created<>(periodicWithId(claim.resourceId()).view(), claim.isNew());
        }
    }

    PeriodicRule.View changePeriodic(String id, TopupBalanceJson.Update patch) {
        TopupBalanceResource resource = balances.byId(id).orElseThrow(() -> ApiError.notFound("no such top-up"));
        if (!(resource instanceof PeriodicRule rule)) {
            throw ApiError.conflict("notAnAutoTopup", "only auto top-ups can be changed; a top-up is final");
        }
        if (patch.cancels()) {
            return rule.cancel();
        }
        LineAccount line = line(rule.msisdn());
        MoneyJson amount = patch.amount() == null ? null
                : checkedAmount(line, MoneyJson.required(patch.amount(), "amount"));
        String methodId = patch.paymentMethod() == null ? null
                : savedMethodOf(line, PaymentRef.required(patch.paymentMethod()));
        return rule.change(new PeriodicRule.Change(amount, patch.recurringPeriod(), methodId,
                patch.lowBalanceReminder()), clock.now());
    }

    // ---- threshold

    List<ThresholdRule.View> thresholdsOf(String msisdn) {
        line(msisdn);
        return thresholds.values().stream().filter(rule -> rule.msisdn().equals(msisdn))
                .sorted(Comparator.comparingLong(ThresholdRule::seq)).map(ThresholdRule::view).toList();
    }

    Created<ThresholdRule.View> createThreshold(String idempotencyKey, ThresholdTopupJson.Create body) {
        String msisdn = Inputs.msisdn(body.msisdn());
        MoneyJson threshold = MoneyJson.required(body.threshold(), "threshold");
        MoneyJson amount = MoneyJson.required(body.amount(), "amount");
        PaymentRef payment = PaymentRef.required(body.paymentMethod());
        ThresholdOrder order = new ThresholdOrder(msisdn, threshold, amount, payment,
                Boolean.TRUE.equals(body.lowBalanceReminder()));
        Optional<String> replay = thresholdKeys.replay(idempotencyKey, order);
        if (replay.isPresent()) {
            return new Created<>(thresholdWithId(replay.get()).view(), false);
        }
        LineAccount line = line(msisdn);
        TopUpCatalog.forLine(line).threshold(threshold);
        checkedAmount(line, amount);
        String methodId = savedMethodOf(line, payment);
        Instant now = clock.now();
        synchronized (creation) {
            IdempotencyKeys.Claim claim = thresholdKeys.claim(idempotencyKey, order, () -> {
                if (activeThreshold(msisdn).isPresent()) {
                    throw alreadyOne();
                }
                ThresholdRule rule = new ThresholdRule("tt-" + UUID.randomUUID().toString().replace("-", "")
                        .substring(0, 16), sequence.incrementAndGet(), msisdn, now, threshold, amount, methodId,
                        order.lowBalanceReminder());
                thresholds.put(rule.id(), rule);
                return rule.id();
            });
            return new Created<>(thresholdWithId(claim.resourceId()).view(), claim.isNew());
        }
    }

    ThresholdRule.View changeThreshold(String id, ThresholdTopupJson.Update patch) {
        ThresholdRule rule = thresholdWithId(id);
        LineAccount line = line(rule.msisdn());
        MoneyJson threshold = patch.threshold() == null ? null
                : MoneyJson.required(patch.threshold(), "threshold");
        if (threshold != null) {
            TopUpCatalog.forLine(line).threshold(threshold);
        }
        MoneyJson amount = patch.amount() == null ? null
                : checkedAmount(line, MoneyJson.required(patch.amount(), "amount"));
        String methodId = patch.paymentMethod() == null ? null
                : savedMethodOf(line, PaymentRef.required(patch.paymentMethod()));
        return rule.change(new ThresholdRule.Change(threshold, amount, methodId, patch.lowBalanceReminder()));
    }

    void cancelThreshold(String id) {
        thresholdWithId(id).cancel();
    }

    // ---- runs

    /** Runs every periodic auto top-up due by {@code now}, each missed period once (at most a year's worth per sweep). */
    void sweep(Instant now) {
        for (PeriodicRule rule : periodic.values()) {
            for (int run = 0; run < 12; run++) {
                Optional<PeriodicRule.Run> due = rule.takeDue(now);
                if (due.isEmpty()) {
                    break;
                }
                runOnce(rule.id(), rule.msisdn(), due.get().number(), due.get().amount(), due.get().paymentMethodId());
            }
        }
    }

    /** A change of balance that went below a threshold runs that line's threshold auto top-up. */
    void balanceChanged(AccountStore.Change change) {
        Instant now = clock.now();
        activeThreshold(change.after().msisdn()).ifPresent(rule ->
                rule.runIfCrossed(change.before().balance(), change.after().balance(), now).ifPresent(run ->
                        runOnce(rule.id(), rule.msisdn(), run.number(), run.amount(), run.paymentMethodId())));
    }

    void clear() {
        periodic.clear();
        thresholds.clear();
        thresholdKeys.clear();
    }

    private void runOnce(String ruleId, String msisdn, int number, MoneyJson amount, String paymentMethodId) {
        processor.run(ruleId + ":run-" + number, new TopUpOrder(msisdn, amount, "",
                new PaymentRef(PaymentMethodType.SAVED_METHOD, paymentMethodId), CHANNEL, ruleId));
    }

    private Optional<PeriodicRule> activePeriodic(String msisdn) {
        return periodic.values().stream()
                .filter(rule -> rule.msisdn().equals(msisdn) && rule.isActive()).findFirst();
    }

    private Optional<ThresholdRule> activeThreshold(String msisdn) {
        return thresholds.values().stream()
                .filter(rule -> rule.msisdn().equals(msisdn) && rule.isActive()).findFirst();
    }

    private PeriodicRule periodicWithId(String id) {
        return balances.byId(id).filter(PeriodicRule.class::isInstance).map(PeriodicRule.class::cast)
                .orElseThrow(() -> ApiError.conflict("idempotencyKeyReused",
                        "this Idempotency-Key was used for a different request; use a new key for a new operation"));
    }

    private ThresholdRule thresholdWithId(String id) {
        return Optional.ofNullable(thresholds.get(id))
                .orElseThrow(() -> ApiError.notFound("no such threshold auto top-up"));
    }

    private LineAccount line(String msisdn) {
        return store.byMsisdn(msisdn).orElseThrow(() -> ApiError.notFound("no line with this number"));
    }

    private static MoneyJson checkedAmount(LineAccount line, MoneyJson amount) {
        TopUpCatalog.forLine(line).custom(amount, "amount");
        return amount;
    }

    /** Auto top-ups charge a card or wallet on file for the line's account. */
    private String savedMethodOf(LineAccount line, PaymentRef payment) {
        if (payment.type() != PaymentMethodType.SAVED_METHOD) {
            throw ApiError.unprocessable("paymentMethodNotAllowed",
                    "auto top-ups are charged to a saved payment method (@type savedMethod)");
        }
        return savedMethods.find(line.customerId(), payment.id()).map(SavedMethods.SavedMethod::id)
                .orElseThrow(() -> ApiError.unprocessable("unknownPaymentMethod",
                        "no such saved payment method on this account"));
    }

    private static ApiError alreadyOne() {
        return ApiError.conflict("autoTopupExists",
                "this line already has an auto top-up of this kind in force; change it or cancel it first");
    }
}
