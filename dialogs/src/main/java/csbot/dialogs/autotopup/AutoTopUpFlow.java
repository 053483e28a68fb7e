package csbot.dialogs.autotopup;

import csbot.backend.AccountBackend;
import csbot.backend.AutoTopUp;
import csbot.backend.AutoTopUpKind;
import csbot.backend.AutoTopUpRule;
import csbot.backend.BackendFailure;
import csbot.backend.Money;
import csbot.backend.NotFound;
import csbot.backend.Quantity;
import csbot.backend.RecurringPeriod;
import csbot.backend.Rejected;
import csbot.backend.SavedPaymentMethod;
import csbot.backend.TopUpOptions;
import csbot.dialogs.lines.LinePick;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.lines.LineBalance;
import csbot.dialogs.validate.AmountRules;
import csbot.dialogs.validate.PhoneNumbers;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.outcome;
import static csbot.dialogs.engine.Steps.when;

/**
 * Auto top-up of a line: pick the line, see its auto top-ups in force — a scheduled one (every month, quarter or
 * year, with its next run date) and a low-balance one (with its trigger level), at most one of each — and set one
 * up, change or cancel it from the same message. Setting up or changing walks through the kind, the level (low
 * balance only), the amount, the saved card or wallet charged, the low-balance reminder and a confirmation. Only a
 * saved payment method can be charged without the customer present, so an account without one is told so and
 * nothing is set up. A new auto top-up carries an order key kept in the session: a confirm tapped twice, or tapped
 * again after a lost answer, makes one rule. Changing the kind is a new rule of the other kind, then the old one
 * cancelled.
 */
@Component
public final class AutoTopUpFlow implements Flow {

    public static final String ID = "auto";
    /** Set by another flow to open the auto top-ups of the customer's line at this position. */
    public static final String VAR_LINE_INDEX = "line";

    static final String ENTRY = "ENTRY";
    static final String PICK = "PICK";
    static final String SHOWN = "SHOWN";
    static final String KIND = "KIND";
    static final String LEVEL = "LEVEL";
    static final String AMOUNT = "AMOUNT";
    static final String METHOD = "METHOD";
    static final String REMINDER = "REMINDER";
    static final String CONFIRM = "CONFIRM";
    static final String SURE = "SURE";
    static final String DONE = "DONE";
    private static final String ROUTE = "ROUTE";
    private static final String SETUP = "SETUP";
    private static final String KIND_CHOSEN = "KIND_CHOSEN";
    private static final String LEVEL_TYPED = "LEVEL_TYPED";
    private static final String AMOUNT_TYPED = "AMOUNT_TYPED";
    private static final String METHODS = "METHODS";
    private static final String BACK_FROM_AMOUNT = "BACK_FROM_AMOUNT";

    /** Outcomes actions report to the choice states. */
    private static final String OK = "ok";
    private static final String NO_METHOD = "noMethod";

    /** Kinds as buttons and variables name them: a period, or "t" for a low-balance threshold. */
    private static final String MONTHLY = "m";
    private static final String QUARTERLY = "q";
    private static final String YEARLY = "y";
    private static final String THRESHOLD = "t";
    /** The two rules a line may have, as buttons name them. */
    private static final String PERIODIC = "p";

    private static final int LEVEL_BUTTONS = 3;

    // variables
    private static final String V_MSISDN = "msisdn";
    private static final String V_PERIODIC_ID = "pid";
    private static final String V_THRESHOLD_ID = "tid";
    private static final String V_METHODS = "pm";
    private static final String V_EDIT = "edit";
    private static final String V_EDIT_KIND = "editKind";
    private static final String V_STOP = "stop";
    private static final String V_KIND = "kind";
    private static final String V_LEVEL = "level";
    private static final String V_AMOUNT = "amount";
    private static final String V_METHOD_ID = "pmId";
    private static final String V_METHOD_LABEL = "pmLabel";
    private static final String V_REMINDER = "rem";
    private static final String V_ORDER = "order";
    private static final List<String> DRAFT = List.of(V_EDIT, V_EDIT_KIND, V_KIND, V_LEVEL, V_AMOUNT, V_METHOD_ID,
            V_METHOD_LABEL, V_REMINDER, V_ORDER, "cur", "presets", "min", "max", "dec");

    private final AccountBackend backend;
    private final Texts texts = Texts.load("csbot/dialogs/autotopup/texts");
    private final NonceSource orders = new NonceSource(12);

    public AutoTopUpFlow(AccountBackend backend) {
        this.backend = backend;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Texts texts() {
        return texts;
    }

    @Override
    public Optional<MenuEntry> menuEntry() {
        return Optional.of(new MenuEntry(16, "autotopup"));
    }

    @Override
    public Set<String> restingStates() {
        return Set.of(SHOWN);
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates()
                    .initial(ENTRY)
                    .choice(ROUTE).choice(SETUP).choice(KIND_CHOSEN).choice(LEVEL_TYPED).choice(AMOUNT_TYPED)
                    .choice(METHODS).choice(BACK_FROM_AMOUNT)
                    .states(Set.of(ENTRY, PICK, SHOWN, KIND, LEVEL, AMOUNT, METHOD, REMINDER, CONFIRM, SURE))
                    .end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(ROUTE).event(Events.START).action(act(this::route)).and()
                    .withChoice().source(ROUTE)
                    .first(DONE, outcome(LinePick.NO_LINES))
                    .then(SHOWN, outcome(LinePick.ONE))
                    .last(PICK, act(this::askWhichLine)).and()
                    .withExternal().source(PICK).target(SHOWN).event(LinePick.EVENT).guard(when(LinePick::pickable))
                    .action(act(this::pickLine)).and()
                    .withExternal().source(PICK).target(DONE).event("back").action(act(this::backToMenu)).and()

                    // the overview: what is in force, and what can be done about it
                    .withExternal().source(SHOWN).target(SHOWN).event("refresh").action(act(this::refresh)).and()
                    .withExternal().source(SHOWN).target(PICK).event("lines").action(act(this::askWhichLine)).and()
                    .withExternal().source(SHOWN).target(DONE).event("back").action(act(this::backToMenu)).and()
                    .withExternal().source(SHOWN).target(SETUP).event("new").guard(when(this::canSetUp))
                    .action(act(this::startNew)).and()
                    .withExternal().source(SHOWN).target(SETUP).event("change").guard(when(this::canChange))
                    .action(act(this::startChange)).and()
                    .withChoice().source(SETUP).first(KIND, outcome(OK)).last(SHOWN).and()

                    // cancel a rule, once the customer is sure
                    .withExternal().source(SHOWN).target(SURE).event("stop").guard(when(this::canStop))
                    .action(act(this::askSure)).and()
                    .withExternal().source(SURE).target(SHOWN).event("yes").action(act(this::stop)).and()
                    .withExternal().source(SURE).target(SHOWN).event("keep").action(act(this::keep)).and()

                    // set up or change: kind → (level) → amount → method → reminder → confirm
                    .withExternal().source(KIND).target(KIND_CHOSEN).event("kind").guard(when(this::kindAllowed))
                    .action(act(this::chooseKind)).and()
                    .withChoice().source(KIND_CHOSEN)
                    .first(LEVEL, when(AutoTopUpFlow::isThreshold), act(this::askLevel))
                    .last(AMOUNT, act(this::askAmount)).and()
                    .withExternal().source(KIND).target(SHOWN).event("back").action(act(this::refresh)).and()

                    .withExternal().source(LEVEL).target(AMOUNT).event("level").guard(when(this::validLevel))
                    .action(act(this::chooseLevel)).and()
                    .withExternal().source(LEVEL).target(LEVEL_TYPED).event(Events.TEXT).action(act(this::takeLevel)).and()
                    .withChoice().source(LEVEL_TYPED).first(AMOUNT, outcome(OK)).last(LEVEL).and()
                    .withExternal().source(LEVEL).target(KIND).event("back").action(act(this::askKind)).and()

                    .withExternal().source(AMOUNT).target(METHODS).event("amount").guard(when(this::validPreset))
                    .action(act(this::choosePreset)).and()
                    .withChoice().source(METHODS).first(METHOD, outcome(OK)).last(SHOWN).and()
                    .withExternal().source(AMOUNT).target(AMOUNT_TYPED).event(Events.TEXT)
                    .action(act(this::takeAmount)).and()
                    .withChoice().source(AMOUNT_TYPED)
                    .first(METHOD, outcome(OK))
                    .then(SHOWN, outcome(NO_METHOD))
                    .last(AMOUNT).and()
                    .withExternal().source(AMOUNT).target(BACK_FROM_AMOUNT).event("back").and()
                    .withChoice().source(BACK_FROM_AMOUNT)
                    .first(LEVEL, when(AutoTopUpFlow::isThreshold), act(this::askLevel))
                    .last(KIND, act(this::askKind)).and()

                    .withExternal().source(METHOD).target(REMINDER).event("method").guard(when(this::validMethod))
                    .action(act(this::chooseMethod)).and()
                    .withExternal().source(METHOD).target(AMOUNT).event("back").action(act(this::askAmount)).and()

                    .withExternal().source(REMINDER).target(CONFIRM).event("reminder")
                    .guard(when(t -> t.arg().equals("on") || t.arg().equals("off")))
                    .action(act(this::chooseReminder)).and()
                    .withExternal().source(REMINDER).target(METHODS).event("back").action(act(this::showMethods)).and()

                    .withExternal().source(CONFIRM).target(SHOWN).event("confirm").action(act(this::save)).and()
                    .withExternal().source(CONFIRM).target(KIND).event("back").action(act(this::askKind)).and()

                    .withExternal().source(KIND).target(SHOWN).event("abort").action(act(this::abort)).and()
                    .withExternal().source(LEVEL).target(SHOWN).event("abort").action(act(this::abort)).and()
                    .withExternal().source(AMOUNT).target(SHOWN).event("abort").action(act(this::abort)).and()
                    .withExternal().source(METHOD).target(SHOWN).event("abort").action(act(this::abort)).and()
                    .withExternal().source(REMINDER).target(SHOWN).event("abort").action(act(this::abort)).and()
                    .withExternal().source(CONFIRM).target(SHOWN).event("abort").action(act(this::abort));
        });
    }

    // ---- which line

    private void route(Turn turn) {
        LinePick.route(turn, ID, VAR_LINE_INDEX, (t, line) -> show(t, t.profile().line(line).orElseThrow()));
    }

    private void askWhichLine(Turn turn) {
        LinePick.ask(turn, turn.button(turn.t("button.back"), "back"));
    }

    private void pickLine(Turn turn) {
        show(turn, LinePick.picked(turn));
    }

    private void show(Turn turn, LinkedLine line) {
        turn.put(V_MSISDN, line.msisdn());
        showOverview(turn, "", false);
    }

    private void backToMenu(Turn turn) {
        turn.reply(turn.t("menu.choose"), turn.mainMenu());
    }

    // ---- the overview

    private void refresh(Turn turn) {
        showOverview(turn, "", false);
    }

    /**
     * The line's auto top-ups in force, read afresh, under an optional header (what was just done); the buttons offer
     * what can be done next. The ids of the rules shown are kept, so the buttons act on exactly those.
     */
    private void showOverview(Turn turn, String header, boolean offerTopUp) {
        clearDraft(turn);
        String msisdn = msisdn(turn);
        List<AutoTopUp> rules = backend.autoTopUps(msisdn);
        List<SavedPaymentMethod> methods = backend.savedPaymentMethods(msisdn);
        Optional<AutoTopUp> periodic = rules.stream().filter(r -> r.rule().kind() == AutoTopUpKind.PERIODIC).findFirst();
        Optional<AutoTopUp> threshold = rules.stream().filter(r -> r.rule().kind() == AutoTopUpKind.THRESHOLD)
                .findFirst();
        putOrRemove(turn, V_PERIODIC_ID, periodic.map(AutoTopUp::id));
        putOrRemove(turn, V_THRESHOLD_ID, threshold.map(AutoTopUp::id));
        turn.put(V_METHODS, methods.size());

        StringBuilder text = new StringBuilder();
        if (!header.isEmpty()) {
            text.append(header).append("\n\n");
        }
        text.append(turn.t("overview.title", "number", PhoneNumbers.mask(msisdn)));
        periodic.ifPresent(rule -> text.append("\n\n").append(describe(turn, rule, methods)));
        threshold.ifPresent(rule -> text.append("\n\n").append(describe(turn, rule, methods)));
        if (rules.isEmpty()) {
            text.append("\n\n").append(turn.t("overview.none"));
        }
        if (methods.isEmpty()) {
            text.append("\n\n").append(turn.t("overview.noMethod", "hotline", turn.settings().hotline(),
                    "hours", turn.settings().supportHours()));
        } else if (rules.isEmpty()) {
            text.append("\n\n").append(turn.t("overview.about"));
        }

        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        if (!methods.isEmpty() && rules.size() < 2) {
            String label = rules.isEmpty() ? "button.new"
                    : periodic.isPresent() ? "button.addThreshold" : "button.addPeriodic";
            rows.add(List.of(turn.button(turn.t(label), "new")));
        }
        periodic.ifPresent(rule -> rows.add(ruleButtons(turn, PERIODIC, !methods.isEmpty())));
        threshold.ifPresent(rule -> rows.add(ruleButtons(turn, THRESHOLD, !methods.isEmpty())));
        if (offerTopUp || methods.isEmpty()) {
            if (turn.hasFlow("topup")) {
                rows.add(List.of(turn.openButton(turn.t("button.topUpNow"), "topup")));
            }
        }
        List<Keyboard.Inline.Button> last = new ArrayList<>();
        if (turn.profile().lines().size() > 1) {
            last.add(turn.button(turn.t("button.otherLine"), "lines"));
        }
        last.add(turn.button(turn.t("button.back"), "back"));
        rows.add(last);
        turn.reply(text.toString(), Keyboard.Inline.of(rows));
    }

    private List<Keyboard.Inline.Button> ruleButtons(Turn turn, String which, boolean canChange) {
        String name = PERIODIC.equals(which) ? "Periodic" : "Threshold";
        List<Keyboard.Inline.Button> row = new ArrayList<>();
        if (canChange) {
            row.add(turn.button(turn.t("button.change" + name), "change", which));
        }
        row.add(turn.button(turn.t("button.stop" + name), "stop", which));
        return row;
    }

    private String describe(Turn turn, AutoTopUp autoTopUp, List<SavedPaymentMethod> methods) {
        AutoTopUpRule rule = autoTopUp.rule();
        String method = methods.stream().filter(m -> m.id().equals(rule.paymentMethodId())).findFirst()
                .map(SavedPaymentMethod::label).orElseGet(() -> turn.t("method.gone"));
        String reminder = turn.t(rule.lowBalanceReminder() ? "reminder.on" : "reminder.off");
        if (rule.kind() == AutoTopUpKind.PERIODIC) {
            String next = autoTopUp.nextRun().map(at -> Formats.date(turn.lang(), at.toLocalDate()))
                    .orElseGet(() -> turn.t("next.unknown"));
            return turn.t("overview.periodic", "amount", money(turn, rule.amount()), "period", period(turn,
                    rule.period()), "date", next, "method", method, "reminder", reminder);
        }
        return turn.t("overview.threshold", "amount", money(turn, rule.amount()), "level",
                money(turn, rule.threshold()), "method", method, "reminder", reminder);
    }

    // ---- set up or change

    private boolean canSetUp(Turn turn) {
        return turn.intVar(V_METHODS, 0) > 0
                && (turn.var(V_PERIODIC_ID).isEmpty() || turn.var(V_THRESHOLD_ID).isEmpty());
    }

    private boolean canChange(Turn turn) {
        return turn.intVar(V_METHODS, 0) > 0 && ruleId(turn, turn.arg()).isPresent();
    }

    private static Optional<String> ruleId(Turn turn, String which) {
        return switch (which) {
            case PERIODIC -> turn.var(V_PERIODIC_ID);
            case THRESHOLD -> turn.var(V_THRESHOLD_ID);
            default -> Optional.empty();
        };
    }

    private void startNew(Turn turn) {
        if (readOptions(turn)) {
            askKind(turn);
            turn.outcome(OK);
        }
    }

    private void startChange(Turn turn) {
        String which = turn.arg();
        String id = ruleId(turn, which).orElseThrow();
        if (readOptions(turn)) {
            turn.put(V_EDIT, id);
            turn.put(V_EDIT_KIND, which);
            askKind(turn);
            turn.outcome(OK);
        }
    }

    /** Reads the line's top-up options (currency, presets, range) for the amount steps; false when it has none. */
    private boolean readOptions(Turn turn) {
        TopUpOptions options;
        try {
            options = backend.topUpOptions(msisdn(turn));
        } catch (Rejected notTopUpable) {
            showOverview(turn, turn.t("notTopUpable", "hotline", turn.settings().hotline()), false);
            return false;
        }
        turn.put("cur", options.currency());
        turn.put("presets", String.join(",", options.presets().stream().map(BigDecimal::toPlainString).toList()));
        turn.put("min", options.customMin().toPlainString());
        turn.put("max", options.customMax().toPlainString());
        turn.put("dec", options.maxDecimals());
        return true;
    }

    private void askKind(Turn turn) {
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        if (periodicAllowed(turn)) {
            rows.add(List.of(turn.button(turn.t("button.monthly"), "kind", MONTHLY),
                    turn.button(turn.t("button.quarterly"), "kind", QUARTERLY),
                    turn.button(turn.t("button.yearly"), "kind", YEARLY)));
        }
        if (thresholdAllowed(turn)) {
            rows.add(List.of(turn.button(turn.t("button.threshold"), "kind", THRESHOLD)));
        }
        rows.add(List.of(turn.button(turn.t("button.back"), "back")));
        String key = turn.var(V_EDIT).isPresent() ? "kind.change" : "kind.new";
        turn.reply(turn.t(key, "number", PhoneNumbers.mask(msisdn(turn))), Keyboard.Inline.of(rows));
    }

    /** A scheduled rule can be chosen when the line has none, or when it is the one being changed. */
    private static boolean periodicAllowed(Turn turn) {
        return turn.var(V_PERIODIC_ID).isEmpty() || PERIODIC.equals(turn.var(V_EDIT_KIND).orElse(""));
    }

    private static boolean thresholdAllowed(Turn turn) {
        return turn.var(V_THRESHOLD_ID).isEmpty() || THRESHOLD.equals(turn.var(V_EDIT_KIND).orElse(""));
    }

    private boolean kindAllowed(Turn turn) {
        return switch (turn.arg()) {
            case MONTHLY, QUARTERLY, YEARLY -> periodicAllowed(turn);
            case THRESHOLD -> thresholdAllowed(turn);
            default -> false;
        };
    }

    private void chooseKind(Turn turn) {
        turn.put(V_KIND, turn.arg());
        if (!THRESHOLD.equals(turn.arg())) {
            turn.remove(V_LEVEL);
        }
    }

    /** Whether the rule being changed keeps its kind (a changed kind is a new rule and the old one cancelled). */
    private static boolean sameKind(Turn turn) {
        return THRESHOLD.equals(turn.var(V_EDIT_KIND).orElse("")) == isThreshold(turn);
    }

    private static boolean isThreshold(Turn turn) {
        return THRESHOLD.equals(turn.var(V_KIND).orElse(""));
    }

    // ---- the level (low-balance auto top-up)

    private void askLevel(Turn turn) {
        List<Keyboard.Inline.Button> levels = new ArrayList<>();
        List<BigDecimal> offered = levels(turn);
        for (int i = 0; i < offered.size(); i++) {
            levels.add(turn.button(turn.t("button.level", "level", money(turn, offered.get(i))), "level",
                    Integer.toString(i)));
        }
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        if (!levels.isEmpty()) {
            rows.add(levels);
        }
        rows.add(stepButtons(turn));
        turn.reply(turn.t("level", "number", PhoneNumbers.mask(msisdn(turn)), "max", money(turn, max(turn))),
                Keyboard.Inline.of(rows));
    }

    /** Levels offered as buttons: the line's smallest preset amounts (£5, £10, £20; HK$50, HK$100, HK$200). */
    private static List<BigDecimal> levels(Turn turn) {
        return presets(turn).stream().sorted().limit(LEVEL_BUTTONS).toList();
    }

    private boolean validLevel(Turn turn) {
        int index = turn.argIndex();
        return index >= 0 && index < levels(turn).size();
    }

    private void chooseLevel(Turn turn) {
        turn.put(V_LEVEL, levels(turn).get(turn.argIndex()).toPlainString());
        askAmount(turn);
    }

    private void takeLevel(Turn turn) {
        TopUpOptions options = options(turn);
        AmountRules.Typed typed = AmountRules.level(options, turn.text());
        if (typed instanceof AmountRules.Invalid invalid) {
            turn.say(turn.t("level." + problem(invalid, options), "max", money(turn, options.customMax()),
                    "decimals", options.maxDecimals()));
            return;
        }
        turn.put(V_LEVEL, ((AmountRules.Valid) typed).amount().toPlainString());
        askAmount(turn);
        turn.outcome(OK);
    }

    // ---- the amount

    private void askAmount(Turn turn) {
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        List<Keyboard.Inline.Button> presets = new ArrayList<>();
        List<BigDecimal> offered = presets(turn);
        for (int i = 0; i < offered.size(); i++) {
            presets.add(turn.button(money(turn, offered.get(i)), "amount", Integer.toString(i)));
        }
        for (int i = 0; i < presets.size(); i += 4) {
            rows.add(presets.subList(i, Math.min(i + 4, presets.size())));
        }
        rows.add(stepButtons(turn));
        TopUpOptions options = options(turn);
        turn.reply(turn.t("amount", "when", schedule(turn), "min", money(turn, options.customMin()),
                "max", money(turn, options.customMax())), Keyboard.Inline.of(rows));
    }

    private boolean validPreset(Turn turn) {
        int index = turn.argIndex();
        return index >= 0 && index < presets(turn).size();
    }

    private void choosePreset(Turn turn) {
        turn.put(V_AMOUNT, presets(turn).get(turn.argIndex()).toPlainString());
        showMethods(turn);
    }

    private void takeAmount(Turn turn) {
        TopUpOptions options = options(turn);
        AmountRules.Typed typed = AmountRules.typed(options, turn.text());
        if (typed instanceof AmountRules.Invalid invalid) {
            turn.say(turn.t("amount." + problem(invalid, options), "min", money(turn, options.customMin()),
                    "max", money(turn, options.customMax()), "decimals", options.maxDecimals()));
            return;
        }
        turn.put(V_AMOUNT, ((AmountRules.Valid) typed).amount().toPlainString());
        showMethods(turn);
    }

    /** The text key suffix for a typed amount's problem: "whole" rather than "0 decimal places" for HKD. */
    private static String problem(AmountRules.Invalid invalid, TopUpOptions options) {
        return "decimals".equals(invalid.problem()) && options.maxDecimals() == 0 ? "whole" : invalid.problem();
    }

    // ---- the payment method

    /** The saved cards and wallets, read afresh; when there are none any more, the overview says why. */
    private void showMethods(Turn turn) {
        List<SavedPaymentMethod> methods = backend.savedPaymentMethods(msisdn(turn));
        if (methods.isEmpty()) {
            showOverview(turn, turn.t("method.none"), false);
            turn.outcome(NO_METHOD);
            return;
        }
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            rows.add(List.of(turn.button("💳 " + methods.get(i).label(), "method", Integer.toString(i))));
        }
        rows.add(stepButtons(turn));
        turn.reply(turn.t("method", "amount", money(turn, amount(turn)), "when", schedule(turn)),
                Keyboard.Inline.of(rows));
        turn.outcome(OK);
    }

    private boolean validMethod(Turn turn) {
        return turn.argIndex() >= 0;
    }

    private void chooseMethod(Turn turn) {
        List<SavedPaymentMethod> methods = backend.savedPaymentMethods(msisdn(turn));
        if (turn.argIndex() >= methods.size()) {
            throw new IllegalStateException("saved payment method gone while choosing");
        }
        SavedPaymentMethod method = methods.get(turn.argIndex());
        turn.put(V_METHOD_ID, method.id());
        turn.put(V_METHOD_LABEL, method.label());
        turn.reply(turn.t("reminder"), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.remindOn"), "reminder", "on"),
                        turn.button(turn.t("button.remindOff"), "reminder", "off")),
                stepButtons(turn))));
    }

    // ---- confirm and save

    private void chooseReminder(Turn turn) {
        turn.put(V_REMINDER, "on".equals(turn.arg()) ? "1" : "0");
        turn.put(V_ORDER, orders.next());
        String key = turn.var(V_EDIT).isPresent() ? "confirm.change" : "confirm.new";
        String replaces = turn.var(V_EDIT).isPresent() && !sameKind(turn) ? "\n\n" + turn.t("confirm.replaces") : "";
        turn.reply(turn.t(key) + "\n" + turn.t("confirm.details", "number", PhoneNumbers.mask(msisdn(turn)),
                        "when", schedule(turn), "amount", money(turn, amount(turn)),
                        "method", turn.var(V_METHOD_LABEL).orElseThrow(),
                        "reminder", turn.t(reminder(turn) ? "reminder.on" : "reminder.off")) + replaces,
                Keyboard.Inline.of(List.of(
                        List.of(turn.button(turn.t("button.confirm"), "confirm")),
                        List.of(turn.button(turn.t("button.edit"), "back"),
                                turn.button(turn.t("button.cancel"), "abort")))));
    }

    /**
     * Creates the rule under the order's key (a repeat answers the rule already made), or changes the one in force;
     * a change of kind is a new rule, then the old one cancelled. A refusal is explained over the overview, nothing
     * made; an outage propagates, so the engine keeps the confirm step for another tap with the same key.
     */
    private void save(Turn turn) {
        String msisdn = msisdn(turn);
        AutoTopUpRule rule = rule(turn);
        Optional<String> editing = turn.var(V_EDIT);
        String note = "";
        try {
            if (editing.isPresent() && sameKind(turn)) {
                backend.changeAutoTopUp(editing.get(), rule);
            } else {
                backend.createAutoTopUp(msisdn, rule, turn.var(V_ORDER).orElseThrow());
                if (editing.isPresent()) {
                    note = cancelReplaced(turn, editing.get());
                }
            }
        } catch (Rejected refused) {
            showOverview(turn, refusal(turn, refused.reasonCode()), false);
            return;
        } catch (NotFound gone) {
            showOverview(turn, turn.t("refused.gone"), false);
            return;
        }
        String header = turn.t(editing.isPresent() ? "saved.changed" : "saved.created");
        boolean belowAlready = false;
        if (rule.kind() == AutoTopUpKind.THRESHOLD) {
            Optional<Quantity> balance = balance(msisdn);
            if (balance.isPresent() && balance.get().amount().compareTo(rule.threshold().amount()) < 0) {
                belowAlready = true;
                header += "\n" + turn.t("saved.belowAlready", "balance",
                        Formats.money(turn.lang(), balance.get().amount(), balance.get().units()),
                        "level", money(turn, rule.threshold()));
            }
        }
        if (!note.isEmpty()) {
            header += "\n" + note;
        }
        afterWrite(turn, header, belowAlready);
    }

    /** The old rule of a kind change; failing to cancel it leaves both in force, which the customer is told. */
    private String cancelReplaced(Turn turn, String oldId) {
        try {
            backend.cancelAutoTopUp(oldId);
            return "";
        } catch (NotFound alreadyGone) {
            return "";
        } catch (BackendFailure failure) {
            return turn.t("saved.oldStillOn");
        }
    }

    private Optional<Quantity> balance(String msisdn) {
        try {
            return LineBalance.of(msisdn, backend.buckets(msisdn)).money();
        } catch (BackendFailure unreadable) {
            return Optional.empty();
        }
    }

    private String refusal(Turn turn, String reasonCode) {
        String key = switch (reasonCode) {
            case "autoTopupExists", "thresholdOutOfRange", "paymentMethodNotAllowed", "unknownPaymentMethod",
                 "autoTopupCancelled", "amountOutOfRange", "tooManyDecimals" -> "refused." + reasonCode;
            default -> "refused.other";
        };
        return turn.t(key, "hotline", turn.settings().hotline());
    }

    private AutoTopUpRule rule(Turn turn) {
        String kind = turn.var(V_KIND).orElseThrow();
        Money amount = amount(turn);
        String method = turn.var(V_METHOD_ID).orElseThrow();
        if (THRESHOLD.equals(kind)) {
            return new AutoTopUpRule(AutoTopUpKind.THRESHOLD, null, level(turn), amount, method, reminder(turn));
        }
        return new AutoTopUpRule(AutoTopUpKind.PERIODIC, period(kind), null, amount, method, reminder(turn));
    }

    private void abort(Turn turn) {
        showOverview(turn, turn.t("aborted"), false);
    }

    // ---- cancel

    private boolean canStop(Turn turn) {
        return ruleId(turn, turn.arg()).isPresent();
    }

    private void askSure(Turn turn) {
        String id = ruleId(turn, turn.arg()).orElseThrow();
        Optional<AutoTopUp> rule = backend.autoTopUps(msisdn(turn)).stream().filter(r -> r.id().equals(id))
                .findFirst();
        turn.put(V_STOP, id);
        String what = rule.map(r -> what(turn, r.rule())).orElseGet(() -> turn.t("what.gone"));
        turn.reply(turn.t("sure", "what", what, "number", PhoneNumbers.mask(msisdn(turn))), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.yes"), "yes")),
                List.of(turn.button(turn.t("button.keep"), "keep")))));
    }

    private void stop(Turn turn) {
        String id = turn.var(V_STOP).orElseThrow();
        try {
            backend.cancelAutoTopUp(id);
        } catch (NotFound alreadyGone) {
            // nothing in force to stop: the overview shows as much
        }
        turn.remove(V_STOP);
        afterWrite(turn, turn.t("stopped"), false);
    }

    private void keep(Turn turn) {
        turn.remove(V_STOP);
        showOverview(turn, turn.t("kept"), false);
    }

    /**
     * The overview after a change the backend made: if it cannot be read now, the change is still reported (never
     * "nothing was done"), with a button to read the overview again.
     */
    private void afterWrite(Turn turn, String header, boolean offerTopUp) {
        try {
            showOverview(turn, header, offerTopUp);
        } catch (BackendFailure unreadable) {
            turn.remove(V_PERIODIC_ID);
            turn.remove(V_THRESHOLD_ID);
            turn.reply(header + "\n\n" + turn.t("overview.unreadable"), Keyboard.Inline.of(List.of(List.of(
                    turn.button(turn.t("button.refresh"), "refresh"), turn.button(turn.t("button.back"), "back")))));
        }
    }

    // ---- helpers

    private List<Keyboard.Inline.Button> stepButtons(Turn turn) {
        return List.of(turn.button(turn.t("button.back"), "back"), turn.button(turn.t("button.cancel"), "abort"));
    }

    private static void clearDraft(Turn turn) {
        DRAFT.forEach(turn::remove);
    }

    private static void putOrRemove(Turn turn, String name, Optional<String> value) {
        if (value.isPresent()) {
            turn.put(name, value.get());
        } else {
            turn.remove(name);
        }
    }

    private static String msisdn(Turn turn) {
        return turn.var(V_MSISDN).orElseThrow();
    }

    private static boolean reminder(Turn turn) {
        return "1".equals(turn.var(V_REMINDER).orElse("0"));
    }

    /** "every month", or "when the balance falls below £5.00". */
    private String schedule(Turn turn) {
        String kind = turn.var(V_KIND).orElseThrow();
        return THRESHOLD.equals(kind) ? turn.t("when.threshold", "level", money(turn, level(turn)))
                : period(turn, period(kind));
    }

    /** "the scheduled auto top-up of £10.00 every month", for the cancel question. */
    private String what(Turn turn, AutoTopUpRule rule) {
        return rule.kind() == AutoTopUpKind.PERIODIC
                ? turn.t("what.periodic", "amount", money(turn, rule.amount()), "period", period(turn, rule.period()))
                : turn.t("what.threshold", "amount", money(turn, rule.amount()), "level", money(turn, rule.threshold()));
    }

    private static RecurringPeriod period(String kind) {
        return switch (kind) {
            case MONTHLY -> RecurringPeriod.MONTHLY;
            case QUARTERLY -> RecurringPeriod.QUARTERLY;
            case YEARLY -> RecurringPeriod.YEARLY;
            default -> throw new IllegalArgumentException("not a period: " + kind);
        };
    }

    private static String period(Turn turn, RecurringPeriod period) {
        return turn.t("period." + period.name());
    }

    private static List<BigDecimal> presets(Turn turn) {
        String presets = turn.var("presets").orElse("");
        return presets.isEmpty() ? List.of() : Arrays.stream(presets.split(",")).map(BigDecimal::new).toList();
    }

    private static BigDecimal max(Turn turn) {
        return new BigDecimal(turn.var("max").orElseThrow());
    }

    /** The options the amount steps need, as kept in the session (plans are not offered for auto top-ups). */
    private static TopUpOptions options(Turn turn) {
        return new TopUpOptions(turn.var("cur").orElseThrow(), presets(turn), List.of(),
                new BigDecimal(turn.var("min").orElseThrow()), max(turn), turn.intVar("dec", 2));
    }

    private static Money amount(Turn turn) {
        return new Money(new BigDecimal(turn.var(V_AMOUNT).orElseThrow()), turn.var("cur").orElseThrow());
    }

    private static Money level(Turn turn) {
        return new Money(new BigDecimal(turn.var(V_LEVEL).orElseThrow()), turn.var("cur").orElseThrow());
    }

    private static String money(Turn turn, Money money) {
        return Formats.money(turn.lang(), money.amount(), money.currency());
    }

    private static String money(Turn turn, BigDecimal amount) {
        return Formats.money(turn.lang(), amount, turn.var("cur").orElseThrow());
    }
}
