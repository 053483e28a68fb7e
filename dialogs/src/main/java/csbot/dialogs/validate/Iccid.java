package csbot.dialogs.validate;

/** The number printed on a SIM card: 19–20 digits, starting 89 (telecom), ending in a Luhn check digit. */
public final class Iccid {

    private Iccid() {
    }

    public enum Verdict { VALID, NOT_AN_ICCID, BAD_CHECK_DIGIT }

    /** Tells an ICCID with a typo (right shape, wrong check digit) from something that is not an ICCID at all. */
    public static Verdict check(String input) {
        String digits = compact(input);
        if (!digits.matches("89\\d{17,18}")) {
            return Verdict.NOT_AN_ICCID;
        }
        return Luhn.isValid(digits) ? Verdict.VALID : Verdict.BAD_CHECK_DIGIT;
    }

    public static String compact(String input) {
        return input.replaceAll("[\\s\\-]", "");
    }

    public static String mask(String iccid) {
        return "89•••" + iccid.substring(Math.max(0, iccid.length() - 4));
    }
}
