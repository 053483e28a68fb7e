package csbot.dialogs.link;

import csbot.backend.AccountBackend;
import csbot.backend.Line;
import csbot.backend.NotFound;
import csbot.backend.OtpChallenge;
import csbot.backend.OtpCheck;
import csbot.backend.Rejected;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.validate.Iccid;
import csbot.dialogs.validate.PhoneNumbers;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.outcome;

/**
 * Link a line to the Telegram account. A contact shared from this very account proves the number (Telegram verified
 * it); any other way — a typed number or the card's ICCID — needs a one-time code sent by SMS to the line: five wrong
 * codes and linking is paused for a cool-down. Other flows send customers here with {@code returnTo} set, and get
 * them back once the line is linked.
 */
@Component
public final class LinkFlow implements Flow {

    public static final String ID = "link";
    /** Variable naming the flow to continue with once linked. */
    public static final String RETURN_TO = "returnTo";

    static final String ENTRY = "ENTRY";
    static final String ASK = "ASK";
    static final String CODE = "CODE";
    static final String DONE = "DONE";
    private static final String STARTING = "STARTING";
    private static final String CONTACT_CHECK = "CONTACT_CHECK";
    private static final String NUMBER_CHECK = "NUMBER_CHECK";
    private static final String CODE_CHECK = "CODE_CHECK";

    /** Outcomes actions report to the choice states. */
    private static final String OK = "ok";
    private static final String END = "end";

    private static final String VAR_MSISDN = "msisdn";
    private static final String VAR_CHALLENGE = "challenge";
    private static final String VAR_TRIES = "tries";

    private final AccountBackend backend;
    private final Texts texts = Texts.load("csbot/dialogs/link/texts");

    public LinkFlow(AccountBackend backend) {
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
        return Optional.of(new MenuEntry(20, "link"));
    }

    @Override
    public Set<String> startEvents() {
        return Set.of(Events.START, Events.CONTACT);
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates()
                    .initial(ENTRY)
                    .choice(STARTING).choice(CONTACT_CHECK).choice(NUMBER_CHECK).choice(CODE_CHECK)
                    .states(Set.of(ENTRY, ASK, CODE))
                    .end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(STARTING).event(Events.START).action(act(this::checkCooldown)).and()
                    .withChoice().source(STARTING).first(DONE, outcome(END)).last(ASK, act(this::askForNumber)).and()

                    .withExternal().source(ENTRY).target(CONTACT_CHECK).event(Events.CONTACT).action(act(this::linkByContact)).and()
                    .withExternal().source(ASK).target(CONTACT_CHECK).event(Events.CONTACT).action(act(this::linkByContact)).and()
                    .withExternal().source(CODE).target(CONTACT_CHECK).event(Events.CONTACT).action(act(this::linkByContact)).and()
                    .withChoice().source(CONTACT_CHECK).first(DONE, outcome(END)).last(ASK).and()

                    .withExternal().source(ASK).target(NUMBER_CHECK).event(Events.TEXT).action(act(this::sendCodeToTypedLine)).and()
                    .withChoice().source(NUMBER_CHECK).first(CODE, outcome(OK)).last(ASK).and()

                    .withExternal().source(CODE).target(CODE_CHECK).event(Events.TEXT).action(act(this::checkCode)).and()
                    .withExternal().source(CODE).target(CODE_CHECK).event("resend").action(act(this::resendCode)).and()
                    .withChoice().source(CODE_CHECK).first(DONE, outcome(END)).last(CODE).and()

                    .withExternal().source(CODE).target(ASK).event("other").action(act(this::askForNumber));
        });
    }

    // ---- steps

    private void checkCooldown(Turn turn) {
        long millisLeft = turn.profile().linkCooldownUntil() - turn.now().toEpochMilli();
        if (millisLeft > 0) {
            turn.say(turn.t("cooldown", "minutes", Math.max(1, (millisLeft + 59_999) / 60_000)), turn.mainKeyboard());
            turn.outcome(END);
        }
    }

    private void askForNumber(Turn turn) {
        Keyboard.Reply keyboard = new Keyboard.Reply(List.of(
                List.of(Keyboard.Reply.Key.shareContact(turn.t("button.share"))),
                List.of(Keyboard.Reply.Key.text(turn.t("menu.cancel")))), false);
        turn.say(turn.t("ask"), keyboard);
    }

    private void linkByContact(Turn turn) {
        Inbound.ContactShared contact = (Inbound.ContactShared) turn.inbound();
        if (!contact.isSendersOwn()) {
            turn.say(turn.t("contact.notOwn"));
            return;
        }
        Optional<String> msisdn = PhoneNumbers.parseShared(contact.phoneNumber());
        if (msisdn.isEmpty()) {
            turn.say(turn.t("contact.invalid"));
            return;
        }
        try {
            link(turn, backend.findLineByMsisdn(msisdn.get()), "contact");
        } catch (NotFound e) {
            turn.say(turn.t("contact.notOurs", "number", PhoneNumbers.mask(msisdn.get())));
        }
    }

    private void sendCodeToTypedLine(Turn turn) {
        String typed = turn.text();
        Optional<Line> line;
        Iccid.Verdict iccid = Iccid.check(typed);
        if (iccid == Iccid.Verdict.BAD_CHECK_DIGIT) {
            turn.say(turn.t("iccid.checkDigit"));
            return;
        }
        try {
            if (iccid == Iccid.Verdict.VALID) {
                line = Optional.of(backend.findLineByIccid(Iccid.compact(typed)));
            } else {
                Optional<String> msisdn = PhoneNumbers.parseTyped(typed);
                if (msisdn.isEmpty()) {
                    turn.say(turn.t("number.invalid"));
                    return;
                }
                line = Optional.of(backend.findLineByMsisdn(msisdn.get()));
            }
        } catch (NotFound e) {
            turn.say(turn.t("number.notFound"));
            return;
        }
        if (refuseLink(turn, line.get().msisdn())) {
            turn.outcome(END);
            return;
        }
        if (sendCode(turn, line.get().msisdn())) {
            turn.put(VAR_MSISDN, line.get().msisdn());
            turn.put(VAR_TRIES, 0);
            turn.outcome(OK);
        }
    }

    private void resendCode(Turn turn) {
        turn.var(VAR_MSISDN).ifPresent(msisdn -> sendCode(turn, msisdn));
    }

    /** Sends a code to the line and says so; false when the backend refused to send another one. */
    private boolean sendCode(Turn turn, String msisdn) {
        OtpChallenge challenge;
        try {
            challenge = backend.sendOtp(msisdn);
        } catch (Rejected e) {
            turn.say(turn.t("code.tooMany"));
            return false;
        }
        turn.put(VAR_CHALLENGE, challenge.id());
        turn.say(turn.t("code.sent", "destination", challenge.maskedDestination()), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.resend"), "resend"),
                        turn.button(turn.t("button.other"), "other")))));
        return true;
    }

    private void checkCode(Turn turn) {
        String code = turn.text().replaceAll("\\s", "");
        if (!code.matches("\\d{4,8}")) {
            turn.say(turn.t("code.format"));
            return;
        }
        String msisdn = turn.var(VAR_MSISDN).orElseThrow();
        OtpCheck check = backend.checkOtp(turn.var(VAR_CHALLENGE).orElseThrow(), code);
        switch (check.status()) {
            case VERIFIED -> link(turn, backend.findLineByMsisdn(msisdn), "otp");
            case EXPIRED -> turn.say(turn.t("code.expired"), Keyboard.Inline.of(List.of(
                    List.of(turn.button(turn.t("button.resend"), "resend")))));
            case WRONG_CODE, LOCKED -> {
                int tries = turn.intVar(VAR_TRIES, 0) + 1;
                turn.put(VAR_TRIES, tries);
                int left = Math.min(turn.settings().otpMaxTries() - tries, check.attemptsLeft());
                if (left <= 0) {
                    coolDown(turn);
                } else {
                    turn.say(turn.t("code.wrong", "left", left));
                }
            }
        }
    }

    private void coolDown(Turn turn) {
        long until = turn.now().plus(turn.settings().linkCooldown()).toEpochMilli();
        turn.profile(turn.profile().withLinkCooldownUntil(until));
        turn.say(turn.t("code.locked", "minutes", turn.settings().linkCooldown().toMinutes()), turn.mainKeyboard());
        turn.outcome(END);
    }

    /** Links the line (already proved to be the user's) and ends the flow. */
    private void link(Turn turn, Line line, String via) {
        turn.outcome(END);
        if (refuseLink(turn, line.msisdn())) {
            return;
        }
        turn.profile(turn.profile().withLine(new LinkedLine(line.msisdn(), via, turn.now().toEpochMilli())));
        turn.say(turn.t("linked", "number", PhoneNumbers.mask(line.msisdn()),
                "type", turn.t("type." + line.type().name()),
                "status", turn.t("status." + line.status().name())), turn.mainKeyboard());
        Optional<String> returnTo = turn.var(RETURN_TO);
        if (returnTo.isPresent()) {
            turn.continueWith(returnTo.get(), Map.of());
        } else {
            turn.say(turn.t("next"), turn.mainMenu());
        }
    }

    /** Already linked, or no room for another line: says why and returns true. */
    private boolean refuseLink(Turn turn, String msisdn) {
        UserProfile profile = turn.profile();
        if (profile.owns(msisdn)) {
            turn.say(turn.t("already", "number", PhoneNumbers.mask(msisdn)), turn.mainKeyboard());
            return true;
        }
        if (profile.lines().size() >= UserProfile.MAX_LINES) {
            turn.say(turn.t("full", "max", UserProfile.MAX_LINES), turn.mainKeyboard());
            return true;
        }
        return false;
    }
}
