package csbot.dialogs.alerts;

import csbot.backend.AccountBackend;
import csbot.backend.BackendFailure;
import csbot.backend.Money;
import csbot.backend.TopUpOptions;
import csbot.dialogs.engine.CallbackData;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.lines.LinePick;
import csbot.dialogs.validate.AmountRules;
import csbot.dialogs.validate.PhoneNumbers;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.outcome;
import static csbot.dialogs.engine.Steps.when;

/**
 * /alerts: a line's balance and expiry alerts — on or off, the low-balance level (the backend's, or one typed by the
 * customer), which of the 7, 3 and 1 days before expiry it is reminded on, quiet hours, time zone (typed, e.g.
 * {@code Europe/London} or {@code UTC+8}). Also opened from an alert's "Alert settings" and "Mute this line" buttons
 * on that line. Settings are written as they are tapped (nothing to confirm), so the message always shows what is in
 * force.
 */
@Component
public final class AlertsFlow implements Flow {

    public static final String ID = "alerts";
    /** The action of an alert's "Mute this line" button. */
    static final String MUTE = "mute";

    static final String ENTRY = "ENTRY";
    static final String ROUTE = "ROUTE";
    static final String PICK_LINE = "PICK_LINE";
    static final String SHOW = "SHOW";
    static final String ZONE = "ZONE";
    static final String LEVEL = "LEVEL";
    static final String DONE = "DONE";

    private final AlertSettingsStore store;
    private final AccountBackend backend;

    public AlertsFlow(AlertSettingsStore store, AccountBackend backend) {
        this.store = store;
        this.backend = backend;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Texts texts() {
        return AlertMessages.TEXTS;
    }

    @Override
    public Optional<MenuEntry> menuEntry() {
        return Optional.of(new MenuEntry(60, "alerts"));
    }

    @Override
    public Set<String> restingStates() {
        return Set.of(SHOW);
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates()
                    .initial(ENTRY)
                    .choice(ROUTE)
                    .states(Set.of(ENTRY, PICK_LINE, SHOW, ZONE, LEVEL))
                    .end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(ROUTE).event(Events.START).action(act(this::route)).and()
                    .withChoice().source(ROUTE)
                    .first(DONE, outcome(LinePick.NO_LINES))
                    .then(SHOW, outcome(LinePick.ONE))
                    .last(PICK_LINE, act(this::askWhichLine)).and()
                    .withExternal().source(PICK_LINE).target(SHOW).event(LinePick.EVENT).guard(when(LinePick::pickable))
                    .action(act(this::pickLine)).and()
                    .withExternal().source(SHOW).target(SHOW).event("on").action(act(this::turnOn)).and()
                    .withExternal().source(SHOW).target(SHOW).event("off").action(act(this::turnOff)).and()
                    .withExternal().source(SHOW).target(SHOW).event("day").guard(when(AlertsFlow::validDay))
                    .action(act(this::toggleDay)).and()
                    .withExternal().source(SHOW).target(LEVEL).event("level").action(act(this::askLevel)).and()
                    .withExternal().source(LEVEL).target(SHOW).event(Events.TEXT).guard(when(AlertsFlow::validLevel))
                    .action(act(this::setLevel)).and()
                    // guarded both ways: of two transitions on one event, the machine may try either first
                    .withExternal().source(LEVEL).target(LEVEL).event(Events.TEXT)
                    .guard(when(turn -> !validLevel(turn))).action(act(this::badLevel)).and()
                    .withExternal().source(LEVEL).target(SHOW).event("backendLevel").action(act(this::backendLevel))
                    .and()
                    .withExternal().source(LEVEL).target(SHOW).event("back").action(act(this::show)).and()
                    .withExternal().source(SHOW).target(SHOW).event("quiet").action(act(this::nextQuietHours)).and()
                    .withExternal().source(SHOW).target(ZONE).event("zone").action(act(this::askZone)).and()
                    .withExternal().source(ZONE).target(SHOW).event(Events.TEXT).guard(when(AlertsFlow::validZone))
                    .action(act(this::setZone)).and()
                    .withExternal().source(ZONE).target(SHOW).event("back").action(act(this::show)).and()
                    .withExternal().source(SHOW).target(DONE).event("done").action(act(this::done));
        });
    }

    // ---- which line

    private void route(Turn turn) {
        LinePick.route(turn, ID, CallbackData.VAR_LINE, this::opened);
    }

    private void opened(Turn turn, int line) {
        turn.put("msisdn", turn.profile().line(line).orElseThrow().msisdn());
        readCurrency(turn);
        if (MUTE.equals(turn.var(CallbackData.VAR_ACTION).orElse(""))) {
            store.mute(turn.chatId(), msisdn(turn));
            turn.say(turn.t("muted", "number", PhoneNumbers.mask(msisdn(turn))), Keyboard.NONE);
        }
        // a new message, not an edit: opened from an alert, the alert itself stays readable
        AlertSettings settings = store.settings(turn.chatId());
        turn.say(settingsText(turn, settings), settingsButtons(turn, settings));
    }

    private void askWhichLine(Turn turn) {
        LinePick.ask(turn);
    }

    private void pickLine(Turn turn) {
        turn.put("msisdn", LinePick.picked(turn).msisdn());
        readCurrency(turn);
        show(turn);
    }

    // ---- settings

    private void show(Turn turn) {
        AlertSettings settings = store.settings(turn.chatId());
        turn.reply(settingsText(turn, settings), settingsButtons(turn, settings));
    }

    private String settingsText(Turn turn, AlertSettings settings) {
        String msisdn = msisdn(turn);
        return turn.t("settings", "number", PhoneNumbers.mask(msisdn),
                "status", turn.t(settings.wants(msisdn) ? "status.on" : "status.off"),
                "level", levelLabel(turn, settings), "days", daysLabel(turn, settings.reminderDays(msisdn)),
                "quiet", quietLabel(turn, settings.quiet()), "zone", settings.zone().getId());
    }

    private static Keyboard.Inline settingsButtons(Turn turn, AlertSettings settings) {
        boolean on = settings.wants(msisdn(turn));
        Set<Integer> days = settings.reminderDays(msisdn(turn));
        return Keyboard.Inline.of(List.of(
                List.of(on ? turn.button(turn.t("button.off"), "off") : turn.button(turn.t("button.on"), "on")),
                AlertSettings.REMINDER_DAYS.stream().map(day -> turn.button(turn.t("button.day",
                        "mark", days.contains(day) ? "✅" : "⬜", "days", day), "day", Integer.toString(day))).toList(),
                List.of(turn.button(turn.t("button.level"), "level")),
                List.of(turn.button(turn.t("button.quiet", "next", quietLabel(turn, settings.quiet().next())), "quiet")),
                List.of(turn.button(turn.t("button.zone"), "zone"), turn.button(turn.t("button.done"), "done"))));
    }

    private static String quietLabel(Turn turn, QuietHours quiet) {
        return quiet.none() ? turn.t("quiet.none") : quiet.label();
    }

    private void turnOn(Turn turn) {
        store.unmute(turn.chatId(), msisdn(turn));
        show(turn);
    }

    private void turnOff(Turn turn) {
        store.mute(turn.chatId(), msisdn(turn));
        show(turn);
    }

    // ---- reminder days

    private static String daysLabel(Turn turn, Set<Integer> days) {
        List<Integer> chosen = AlertSettings.REMINDER_DAYS.stream().filter(days::contains).toList();
        return chosen.isEmpty() ? turn.t("days.none") : turn.t("days.some",
                "days", chosen.stream().map(String::valueOf).collect(Collectors.joining(" · ")));
    }

    private static boolean validDay(Turn turn) {
        return AlertSettings.REMINDER_DAYS.stream().anyMatch(day -> Integer.toString(day).equals(turn.arg()));
    }

    private void toggleDay(Turn turn) {
        int day = Integer.parseInt(turn.arg());
        Set<Integer> days = new HashSet<>(store.settings(turn.chatId()).reminderDays(msisdn(turn)));
        if (!days.remove(day)) {
            days.add(day);
        }
        store.reminderDays(turn.chatId(), msisdn(turn), days);
        show(turn);
    }

    // ---- low-balance level

    /** The line's currency, to show the backend's level on the settings; without it the amount is left out. */
    private void readCurrency(Turn turn) {
        try {
            turn.put("cur", backend.topUpOptions(msisdn(turn)).currency());
        } catch (BackendFailure e) {
            turn.put("cur", "");
        }
    }

    private String levelLabel(Turn turn, AlertSettings settings) {
        Optional<Money> own = settings.level(msisdn(turn));
        if (own.isPresent()) {
            return turn.t("level.yours", "level", money(turn, own.get().amount(), own.get().currency()));
        }
        return store.backendLevel(turn.var("cur").orElse(""))
                .map(level -> turn.t("level.backend", "level", money(turn, level.amount(), level.currency())))
                .orElseGet(() -> turn.t("level.backendUnknown"));
    }

    /** Reads the line's amount rules (currency, decimals, largest amount) that a typed level is held to. */
    private void askLevel(Turn turn) {
        TopUpOptions options = backend.topUpOptions(msisdn(turn));
        turn.put("cur", options.currency());
        turn.put("max", options.customMax().toPlainString());
        turn.put("dec", options.maxDecimals());
        AlertSettings settings = store.settings(turn.chatId());
        List<Keyboard.Inline.Button> buttons = settings.level(msisdn(turn)).isPresent()
                ? List.of(turn.button(turn.t("button.backendLevel"), "backendLevel"),
                        turn.button(turn.t("button.back"), "back"))
                : List.of(turn.button(turn.t("button.back"), "back"));
        turn.reply(turn.t("level.ask", "number", PhoneNumbers.mask(msisdn(turn)), "level", levelLabel(turn, settings),
                "max", money(turn, options.customMax(), options.currency())), Keyboard.Inline.of(List.of(buttons)));
    }

    private static boolean validLevel(Turn turn) {
        return AmountRules.level(options(turn), turn.text()) instanceof AmountRules.Valid;
    }

    private void setLevel(Turn turn) {
        TopUpOptions options = options(turn);
        BigDecimal level = ((AmountRules.Valid) AmountRules.level(options, turn.text())).amount();
        store.level(turn.chatId(), msisdn(turn), new Money(level, options.currency()));
        show(turn);
    }

    /** A level typed wrong: what is wrong with it, and the step stays open; nothing is stored. */
    private void badLevel(Turn turn) {
        TopUpOptions options = options(turn);
        AmountRules.Invalid invalid = (AmountRules.Invalid) AmountRules.level(options, turn.text());
        String problem = "decimals".equals(invalid.problem()) && options.maxDecimals() == 0
                ? "whole" : invalid.problem();
        turn.say(turn.t("level." + problem, "max", money(turn, options.customMax(), options.currency()),
                "decimals", options.maxDecimals()));
    }

    private void backendLevel(Turn turn) {
        store.backendLevel(turn.chatId(), msisdn(turn));
        show(turn);
    }

    /** The amount rules read when the level was asked for: only the currency, decimals and largest amount matter. */
    private static TopUpOptions options(Turn turn) {
        BigDecimal max = new BigDecimal(turn.var("max").orElseThrow());
        return new TopUpOptions(turn.var("cur").orElseThrow(), List.of(), List.of(), max, max,
                Integer.parseInt(turn.var("dec").orElseThrow()));
    }

    private static String money(Turn turn, BigDecimal amount, String currency) {
        return Formats.money(turn.lang(), amount, currency);
    }

    // ---- quiet hours and time zone

    private void nextQuietHours(Turn turn) {
        store.quiet(turn.chatId(), store.settings(turn.chatId()).quiet().next());
        show(turn);
    }

    private void askZone(Turn turn) {
        turn.reply(turn.t("zone.ask", "zone", store.settings(turn.chatId()).zone().getId()),
                Keyboard.Inline.of(List.of(List.of(turn.button(turn.t("button.back"), "back")))));
    }

    /** A region ({@code Europe/London}) or an offset ({@code UTC+8}, {@code +08:00}). */
    private static boolean validZone(Turn turn) {
        return zoneOf(turn.text()).isPresent();
    }

    private void setZone(Turn turn) {
        store.zone(turn.chatId(), zoneOf(turn.text()).orElseThrow());
        show(turn);
    }

    static Optional<ZoneId> zoneOf(String typed) {
        String text = typed.trim().replace(' ', '_');
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text.matches("(?i)(utc|gmt)[+-]\\d{1,2}(:\\d{2})?")
                    ? "UTC" + text.substring(3) : text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private void done(Turn turn) {
        turn.reply(turn.t("saved"), Keyboard.Inline.empty());
        turn.say(turn.commonText(turn.lang(), "menu.choose"), turn.mainMenu());
    }

    private static String msisdn(Turn turn) {
        return turn.var("msisdn").orElseThrow();
    }
}
