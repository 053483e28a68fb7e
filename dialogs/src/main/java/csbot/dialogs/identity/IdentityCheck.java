package csbot.dialogs.identity;

import csbot.backend.AccountBackend;
import csbot.backend.OtpChallenge;
import csbot.backend.OtpCheck;
import csbot.backend.Rejected;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.validate.PhoneNumbers;

import java.util.List;

/**
 * The identity check before a SIM change or a PUK: the Telegram account must already be linked to the line (the flows
 * only offer linked lines), and the customer types a code the backend sent to the account's other channel — never to
 * the line itself, which a thief or a SIM-swapper may hold. The backend allows three wrong codes, then warns the
 * account holder on that channel and refuses new codes for a cool-down. The code is never echoed, stored or logged;
 * the session keeps only the verification's id, whose proof the backend checks again when the order is placed.
 */
public final class IdentityCheck {

    /** How the customer was verified, for the audit log. */
    public static final String HOW = "linkedTelegram+otpOtherChannel";

    private static final String V_VERIFICATION = "vid";

    /** What became of a typed code. */
    public enum Result { VERIFIED, TRY_AGAIN, LOCKED }

    private final AccountBackend backend;
    private final Texts texts = Texts.load("csbot/dialogs/identity/texts");

    public IdentityCheck(AccountBackend backend) {
        this.backend = backend;
    }

    /**
     * Sends a code to the other channel of {@code msisdn}'s account and asks for it, with {@code resendEvent} and
     * {@code abortEvent} buttons; false when the backend refused (locked after wrong codes, too many codes), which is
     * said.
     */
    public boolean start(Turn turn, String msisdn, String resendEvent, String abortEvent) {
        OtpChallenge challenge;
        try {
            challenge = backend.sendOtpToOtherChannel(msisdn);
        } catch (Rejected refused) {
            turn.say(t(turn, "verificationLocked".equals(refused.reasonCode()) ? "locked.already" : "tooMany",
                    "hotline", turn.settings().hotline()), turn.mainKeyboard());
            return false;
        }
        turn.put(V_VERIFICATION, challenge.id());
        turn.say(t(turn, "sent", "number", PhoneNumbers.mask(msisdn), "destination", challenge.maskedDestination()),
                Keyboard.Inline.of(List.of(List.of(turn.button(t(turn, "button.resend"), resendEvent),
                        turn.button(t(turn, "button.cancel"), abortEvent)))));
        return true;
    }

    /** Checks the code typed; says what is wrong when it is not verified. */
    public Result check(Turn turn, String resendEvent) {
        String code = turn.text().replaceAll("\\s", "");
        if (!code.matches("\\d{4,8}")) {
            turn.say(t(turn, "format"));
            return Result.TRY_AGAIN;
        }
        OtpCheck check = backend.checkOtp(turn.var(V_VERIFICATION).orElseThrow(), code);
        return switch (check.status()) {
            case VERIFIED -> Result.VERIFIED;
            case EXPIRED -> {
                turn.say(t(turn, "expired"), Keyboard.Inline.of(List.of(List.of(
                        turn.button(t(turn, "button.resend"), resendEvent)))));
                yield Result.TRY_AGAIN;
            }
            case WRONG_CODE -> {
                turn.say(t(turn, "wrong", "left", check.attemptsLeft()));
                yield Result.TRY_AGAIN;
            }
            case LOCKED -> {
                turn.say(t(turn, "locked", "hotline", turn.settings().hotline()), turn.mainKeyboard());
                yield Result.LOCKED;
            }
        };
    }

    /** The verification the backend will check again when the order is placed or the PUK read. */
    public static String verificationId(Turn turn) {
        return turn.var(V_VERIFICATION).orElseThrow();
    }

    private String t(Turn turn, String key, Object... namesAndValues) {
        return texts.get(turn.lang(), key, namesAndValues);
    }
}
