package csbot.dialogs.balance;

import csbot.backend.AccountBackend;
import csbot.dialogs.lines.LinePick;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.lines.LineBalance;
import csbot.dialogs.lines.LineCard;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.outcome;
import static csbot.dialogs.engine.Steps.when;

/**
 * Balance and expiry of a linked line: pick the line when there are several, then money, data, voice and SMS left,
 * the expiry date with the days remaining, and the line's status. The card keeps its buttons (top up, refresh, other
 * line, back) while the customer goes on chatting.
 */
@Component
public final class BalanceFlow implements Flow {

    public static final String ID = "bal";
    /** The top-up flow's id; the card's top-up button opens it when it exists. */
    static final String TOP_UP_FLOW = "topup";

    static final String ENTRY = "ENTRY";
    static final String PICK = "PICK";
    static final String SHOWN = "SHOWN";
    static final String DONE = "DONE";
    private static final String ROUTE = "ROUTE";
    private static final String TOP_UP = "TOP_UP";

    private static final String VAR_LINE = "line";

    private final AccountBackend backend;
    private final Texts texts = Texts.load("csbot/dialogs/balance/texts");

    public BalanceFlow(AccountBackend backend) {
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
        return Optional.of(new MenuEntry(10, "balance"));
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
                    .choice(ROUTE).choice(TOP_UP)
                    .states(Set.of(ENTRY, PICK, SHOWN))
                    .end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(ROUTE).event(Events.START).action(act(this::route)).and()
                    .withChoice().source(ROUTE)
                    .first(DONE, outcome(LinePick.NO_LINES))
                    .then(SHOWN, outcome(LinePick.ONE))
                    .last(PICK, act(this::askWhichLine)).and()

                    .withExternal().source(PICK).target(SHOWN).event(LinePick.EVENT).guard(when(LinePick::pickable)).action(act(this::showPicked)).and()
                    .withExternal().source(SHOWN).target(SHOWN).event(LinePick.EVENT).guard(when(LinePick::pickable)).action(act(this::showPicked)).and()
                    .withExternal().source(SHOWN).target(SHOWN).event("refresh").action(act(this::refresh)).and()
                    .withExternal().source(SHOWN).target(PICK).event("lines").action(act(this::askWhichLine)).and()
                    .withExternal().source(SHOWN).target(TOP_UP).event("topup").and()
                    .withChoice().source(TOP_UP)
                    .first(DONE, when(t -> t.hasFlow(TOP_UP_FLOW)), act(this::openTopUp))
                    .last(SHOWN, act(this::explainTopUp)).and()

                    .withExternal().source(PICK).target(DONE).event("back").action(act(this::backToMenu)).and()
                    .withExternal().source(SHOWN).target(DONE).event("back").action(act(this::backToMenu));
        });
    }

    // ---- steps

    private void route(Turn turn) {
        LinePick.route(turn, ID, VAR_LINE, this::show);
    }

    private void askWhichLine(Turn turn) {
        LinePick.ask(turn, turn.button(turn.t("button.back"), "back"));
    }

    private void showPicked(Turn turn) {
        show(turn, turn.argIndex());
    }

    /** Shows the card again with fresh figures; the toast says so even when nothing changed. */
    private void refresh(Turn turn) {
        show(turn, turn.intVar(VAR_LINE, 0));
        turn.toast(turn.t("refreshed"));
    }

    private void show(Turn turn, int index) {
        LinkedLine line = turn.profile().line(index).orElseThrow();
        LineBalance balance = LineBalance.of(line.msisdn(), backend.buckets(line.msisdn()));
        turn.put(VAR_LINE, index);
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        rows.add(List.of(turn.button(turn.t("button.topup"), "topup"),
                turn.button(turn.t("button.refresh"), "refresh")));
        if (turn.profile().lines().size() > 1) {
            rows.add(List.of(turn.button(turn.t("button.otherLine"), "lines")));
        }
        rows.add(List.of(turn.button(turn.t("button.back"), "back")));
        turn.reply(LineCard.card(turn.lang(), balance, turn.now(), turn.settings().hotline()),
                Keyboard.Inline.of(rows));
    }

    private void openTopUp(Turn turn) {
        turn.continueWith(TOP_UP_FLOW, Map.of(VAR_LINE, Integer.toString(turn.intVar(VAR_LINE, 0))));
    }

    private void explainTopUp(Turn turn) {
        turn.say(turn.commonText(turn.lang(), "faq.topup.answer"));
    }

    private void backToMenu(Turn turn) {
        turn.reply(turn.t("menu.choose"), turn.mainMenu());
    }
}
