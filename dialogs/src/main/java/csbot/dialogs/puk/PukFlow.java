package csbot.dialogs.puk;

import csbot.backend.AccountBackend;
import csbot.backend.Puk;
import csbot.backend.Rejected;
import csbot.dialogs.audit.AuditLog;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.identity.IdentityCheck;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.lines.LinePick;
import csbot.dialogs.validate.PhoneNumbers;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.outcome;
import static csbot.dialogs.engine.Steps.when;

/**
 * The PUK of a locked SIM (DESIGN §5): pick the line → the identity check by a code to the account's other channel →
 * the PUK, shown once with how to enter it and the warning that ten wrong PUKs destroy the SIM. The PUK goes from the
 * backend's answer straight into that one message: it is never kept in the session or written to a log.
 */
@Component
public final class PukFlow implements Flow {

    public static final String ID = "puk";
    /** Set by another flow (the reissue's "locked" reason) to go straight to the customer's line at this position. */
    public static final String VAR_LINE_INDEX = "line";

    static final String ENTRY = "ENTRY";
    static final String PICK = "PICK";
    static final String CODE = "CODE";
    static final String DONE = "DONE";
    private static final String ROUTE = "ROUTE";
    private static final String VERIFY = "VERIFY";
    private static final String CODE_CHECK = "CODE_CHECK";

        private static final String OK = "ok";
    private static final String END = "end";

    private static final String V_MSISDN = "msisdn";

    private final AccountBackend backend;
    private final AuditLog audit;
    private final IdentityCheck identity;
    private final Texts texts = Texts.load("csbot/dialogs/puk/texts");

    public PukFlow(AccountBackend backend, AuditLog audit) {
        this.backend = backend;
        this.audit = audit;
        this.identity = new IdentityCheck(backend);
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
        return Optional.of(new MenuEntry(32, "puk"));
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates()
                    .initial(ENTRY)
                    .choice(ROUTE).choice(VERIFY).choice(CODE_CHECK)
                    .states(Set.of(ENTRY, PICK, CODE))
                    .end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(ROUTE).event(Events.START).action(act(this::route)).and()
                    .withChoice().source(ROUTE)
                    .first(DONE, outcome(LinePick.NO_LINES))
                    .then(CODE, outcome(OK))
                    .then(DONE, outcome(END))
                    .last(PICK, act(this::askWhichLine)).and()
                    .withExternal().source(PICK).target(VERIFY).event(LinePick.EVENT).guard(when(LinePick::pickable))
                    .action(act(this::pickLine)).and()
                    .withExternal().source(PICK).target(DONE).event("abort").action(act(this::abort)).and()
                    .withChoice().source(VERIFY).first(CODE, outcome(OK)).last(DONE).and()
                    .withExternal().source(CODE).target(CODE_CHECK).event(Events.TEXT).action(act(this::checkCode)).and()
                    .withExternal().source(CODE).target(VERIFY).event("resend").action(act(this::startVerification)).and()
                    .withExternal().source(CODE).target(DONE).event("abort").action(act(this::abort)).and()
                    .withChoice().source(CODE_CHECK).first(DONE, outcome(END)).last(CODE);
        });
    }

    private void route(Turn turn) {
        LinePick.route(turn, ID, VAR_LINE_INDEX, (t, line) -> {
            t.put(V_MSISDN, t.profile().line(line).orElseThrow().msisdn());
            startVerification(t);
        });
    }

    private void askWhichLine(Turn turn) {
        LinePick.ask(turn, turn.button(turn.t("button.cancel"), "abort"));
    }

    private void pickLine(Turn turn) {
        turn.put(V_MSISDN, LinePick.picked(turn).msisdn());
        startVerification(turn);
    }

    private void startVerification(Turn turn) {
        turn.outcome(identity.start(turn, msisdn(turn), "resend", "abort") ? OK : END);
    }

    private void checkCode(Turn turn) {
        switch (identity.check(turn, "resend")) {
            case VERIFIED -> {
                showPuk(turn);
                turn.outcome(END);
            }
            case LOCKED -> {
                audit.verificationLocked(turn.chatId(), msisdn(turn), "puk");
                turn.outcome(END);
            }
            case TRY_AGAIN -> {
            }
        }
    }

    private void showPuk(Turn turn) {
        String msisdn = msisdn(turn);
        Puk puk;
        try {
            puk = backend.puk(msisdn, IdentityCheck.verificationId(turn));
        } catch (Rejected expired) {
            turn.say(turn.t("notVerified"), turn.mainKeyboard());
            return;
        }
        audit.pukDisclosed(turn.chatId(), msisdn, IdentityCheck.HOW);
        turn.say(turn.t("shown", "number", PhoneNumbers.mask(msisdn), "puk", puk.digits()), turn.mainKeyboard());
    }

    private void abort(Turn turn) {
        turn.reply(turn.t("aborted"), Keyboard.Inline.of(List.of()));
        turn.say(turn.t("menu.choose"), turn.mainKeyboard());
    }

    private static String msisdn(Turn turn) {
        return turn.var(V_MSISDN).orElseThrow();
    }
}
