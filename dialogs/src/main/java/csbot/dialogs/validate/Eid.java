package csbot.dialogs.validate;

import java.math.BigInteger;

/**
 * The EID of an eSIM-capable device (GSMA SGP.29): 32 digits starting 89, whose last two are check digits chosen so
 * that the whole number mod 97 is 1 (ISO 7064 MOD 97-10, as in an IBAN). Shown on the device under
 * "About phone" / "关于手机", or by dialling *#06#.
 */
public final class Eid {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Eid() {
    }

    public enum Verdict { VALID, NOT_AN_EID, BAD_CHECK_DIGITS }

    /** Tells an EID with a typo (32 digits, wrong check digits) from something that is not an EID at all. */
    public static Verdict check(String input) {
        String digits = compact(input);
        if (!digits.matches("89\\d{30}")) {
            return Verdict.NOT_AN_EID;
        }
        return new BigInteger(digits).mod(NINETY_SEVEN).intValue() == 1 ? Verdict.VALID : Verdict.BAD_CHECK_DIGITS;
    }

    /** Spaces and dashes are how devices group the digits on screen; they are not part of the EID. */
    public static String compact(String input) {
        return input.replaceAll("[\\s\\-]", "");
    }

    /** Enough to recognise it, not enough to use it: {@code 89•••1234}. */
    public static String mask(String eid) {
        return "89•••" + eid.substring(Math.max(0, eid.length() - 4));
    }
}
