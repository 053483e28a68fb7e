package csbot.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The simulator's controls for tests and demos ({@code /sim/admin/*}); not part of the contract. */
final class AdminApi {

    record ClockJson(long advanceSeconds) {
    }

    record NowJson(Instant now) {
    }

    /** Fields left out (null) keep their value. */
    record LineChangeJson(String msisdn, LineStatus status, BigDecimal balance, Instant expiresAt) {

        LineChangeJson {
            msisdn = Inputs.msisdn(msisdn);
            requireNotNegative(balance == null ? BigDecimal.ZERO : balance, "balance");
        }

        LineAccount applyTo(LineAccount line) {
            LineAccount changed = status == null ? line : line.withStatus(status);
            changed = balance == null ? changed : changed.withBalance(balance);
            return expiresAt == null ? changed : changed.withExpiry(expiresAt);
        }
    }

    /** Left-out allowances mean the plan has none; other left-out fields take the defaults below. */
    record NewLineJson(String msisdn, String iccid, CardType cardType, LineStatus status, String currency,
                       BigDecimal balance, Long dataMb, Long voiceMin, Long sms, Instant expiresAt) {

        private static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

        NewLineJson {
            msisdn = Inputs.msisdn(msisdn);
            iccid = Inputs.text(iccid).isEmpty() ? "" : Inputs.iccid(iccid);
            cardType = cardType == null ? CardType.SIM : cardType;
            status = status == null ? LineStatus.ACTIVE : status;
            currency = Inputs.currency(currency);
            balance = requireNotNegative(balance == null ? BigDecimal.ZERO : balance, "balance");
        }

        AccountStore.LineDraft toDraft(Instant now) {
            Map<Allowance, Long> allowances = new EnumMap<>(Allowance.class);
            putIfGiven(allowances, Allowance.DATA, dataMb);
            putIfGiven(allowances, Allowance.VOICE, voiceMin);
            putIfGiven(allowances, Allowance.SMS, sms);
            return new AccountStore.LineDraft(msisdn, iccid, cardType, status, currency, balance, allowances,
                    expiresAt == null ? now.plus(DEFAULT_VALIDITY) : expiresAt);
        }

        private static void putIfGiven(Map<Allowance, Long> allowances, Allowance allowance, Long left) {
            if (left != null) {
                allowances.put(allowance, requireNotNegative(BigDecimal.valueOf(left), allowance.usageType).longValue());
            }
        }
    }

    record NewCustomerJson(String name, String email, String alternateNumber, List<NewLineJson> lines) {

        NewCustomerJson {
            if (Inputs.text(name).isBlank()) {
                throw ApiError.badRequest("invalidBody", "name is required");
            }
            email = Inputs.text(email);
            alternateNumber = Inputs.text(alternateNumber);
            if (lines == null || lines.isEmpty()) {
                throw ApiError.badRequest("invalidBody", "a customer has at least one line");
            }
        }
    }

    record CustomerJson(String id, String name, String email, String alternateNumber, List<LineSummary> lines) {
    }

    /** The saved methods of the account a line belongs to, replacing those it had. */
    record PaymentMethodsJson(String msisdn, List<SavedMethods.SavedMethod> methods) {

        PaymentMethodsJson {
            msisdn = Inputs.msisdn(msisdn);
            methods = methods == null ? List.of() : List.copyOf(methods);
        }
    }

    /** Money spent on a line (calls, data …); the balance does not go below zero. */
    record UsageJson(String msisdn, BigDecimal amount) {

        UsageJson {
            msisdn = Inputs.msisdn(msisdn);
            if (amount == null || amount.signum() <= 0) {
                throw ApiError.badRequest("invalidBody", "amount must be more than zero");
            }
        }
    }

    /** A demo control: the line's balance drops below its low-balance threshold, as if spent. */
    record DrainJson(String msisdn) {

        DrainJson {
            msisdn = Inputs.msisdn(msisdn);
        }
    }

    private final Faults faults;
    private final SimClock clock;
    private final AccountStore store;
    private final TopUpOutcomes outcomes;
    private final SavedMethods savedMethods;
    private final AutoTopUps autoTopUps;
    private final LineAlerts lineAlerts;
    private final Runnable reset;

    AdminApi(Faults faults, SimClock clock, AccountStore store, TopUpOutcomes outcomes, SavedMethods savedMethods,
             AutoTopUps autoTopUps, LineAlerts lineAlerts, Runnable reset) {
        this.faults = faults;
        this.clock = clock;
        this.store = store;
        this.outcomes = outcomes;
        this.savedMethods = savedMethods;
        this.autoTopUps = autoTopUps;
        this.lineAlerts = lineAlerts;
        this.reset = reset;
    }

    void register(Router router) {
        router.add("POST", "/sim/admin/faults", this::setFaults)
                .add("DELETE", "/sim/admin/faults", request -> {
                    faults.clear();
                    return Reply.noContent();
                })
                .add("POST", "/sim/admin/clock", this::advanceClock)
                .add("POST", "/sim/admin/reset", request -> {
                    reset.run();
                    return Reply.noContent();
                })
                .add("POST", "/sim/admin/lines", this::changeLine)
                .add("POST", "/sim/admin/customers", this::addCustomer)
                .add("POST", "/sim/admin/topups", this::setOutcomes)
                .add("DELETE", "/sim/admin/topups", request -> {
                    outcomes.clear();
                    return Reply.noContent();
                })
                .add("POST", "/sim/admin/paymentMethods", this::setPaymentMethods)
                .add("POST", "/sim/admin/usage", this::use)
                .add("POST", "/sim/admin/drain", this::drain);
    }

    private Reply setOutcomes(Request request) {
        OutcomePlan plan = request.json(OutcomePlan.class);
        outcomes.set(plan);
        return Reply.ok(plan);
    }

    private Reply setPaymentMethods(Request request) {
        PaymentMethodsJson body = request.json(PaymentMethodsJson.class);
        LineAccount line = store.byMsisdn(body.msisdn())
                .orElseThrow(() -> ApiError.notFound("no line with this number"));
        return Reply.ok(savedMethods.replace(line.customerId(), body.methods()));
    }

    private Reply use(Request request) {
        UsageJson usage = request.json(UsageJson.class);
        return Reply.ok(summary(changeBalance(usage.msisdn(),
                line -> line.withBalance(line.balance().subtract(usage.amount()).max(BigDecimal.ZERO)))));
    }

    /**
     * Drains a line below its low-balance threshold. A line already below it is warned again (a demo control works
     * every time it is pressed; the bot's dedupe decides whether the customer hears it twice).
     */
    private Reply drain(Request request) {
        DrainJson drain = request.json(DrainJson.class);
        LineAccount before = store.byMsisdn(drain.msisdn()).orElseThrow(() -> ApiError.notFound("no line with this number"));
        LineAccount after = changeBalance(drain.msisdn(),
                line -> line.withBalance(line.balance().min(LineAlerts.drained(line.currency()))));
        if (before.balance().compareTo(LineAlerts.threshold(before.currency())) < 0) {
            lineAlerts.lowBalance(after, clock.now());
        }
        return Reply.ok(summary(after));
    }

    /** Every change of balance may take it below a threshold auto top-up's threshold or the low-balance threshold. */
    private LineAccount changeBalance(String msisdn, UnaryOperator<LineAccount> change) {
        AccountStore.Change changed = store.change(msisdn, change)
                .orElseThrow(() -> ApiError.notFound("no line with this number"));
        autoTopUps.balanceChanged(changed);
        LineAccount now = store.byMsisdn(msisdn).orElseThrow();
        lineAlerts.balanceChanged(changed, now, clock.now());
        return now;
    }

    private LineSummary summary(LineAccount line) {
        return LineSummary.of(store.owner(line).orElseThrow(), line, clock.now());
    }

    private Reply setFaults(Request request) {
        FaultPlan plan = request.json(FaultPlan.class);
        faults.set(plan);
        return Reply.ok(plan);
    }

    private Reply advanceClock(Request request) {
        long seconds = request.json(ClockJson.class).advanceSeconds();
        if (seconds < 0) {
            throw ApiError.badRequest("invalidBody", "the clock only moves forward");
        }
        clock.advance(Duration.ofSeconds(seconds));
        return Reply.ok(new NowJson(clock.now()));
    }

    private Reply changeLine(Request request) {
        LineChangeJson change = request.json(LineChangeJson.class);
        return Reply.ok(summary(changeBalance(change.msisdn(), change::applyTo)));
    }

    private Reply addCustomer(Request request) {
        NewCustomerJson body = request.json(NewCustomerJson.class);
        Instant now = clock.now();
        AccountStore.CustomerDraft draft = new AccountStore.CustomerDraft(body.name(), body.email(),
                body.alternateNumber(), body.lines().stream().map(line -> line.toDraft(now)).toList());
        Customer customer = store.add(draft, now).orElseThrow(() -> new ApiError(409, "lineExists",
                "one of these numbers or ICCIDs is already in use"));
        List<LineSummary> lines = customer.msisdns().stream()
                .map(msisdn -> LineSummary.of(customer, store.byMsisdn(msisdn).orElseThrow(), now))
                .toList();
        return Reply.created(new CustomerJson(customer.id(), customer.name(), customer.email(),
                customer.alternateNumber(), lines));
    }

    private static BigDecimal requireNotNegative(BigDecimal value, String field) {
        if (value.signum() < 0) {
            throw ApiError.badRequest("invalidBody", field + " must not be negative");
        }
        return value;
    }
}
