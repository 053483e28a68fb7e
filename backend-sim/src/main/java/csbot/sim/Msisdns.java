package csbot.sim;

import java.util.Set;
import java.util.regex.Pattern;

/** E.164 numbers: the shape check the backend does, and the masked form safe to show or log. */
final class Msisdns {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** ITU-T E.164 zones: 1 and 7 are one-digit codes, these are two-digit codes, all others have three digits. */
    private static final Set<String> TWO_DIGIT_CODES = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48",
            "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81",
            "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    private static final int SHOWN_DIGITS = 4;

    private Msisdns() {
    }

    static boolean isE164(String value) {
        return E164.matcher(value).matches();
    }

    /** {@code +447400123123} → {@code +44 ••••••3123}: the country and the last four digits, as carriers print them. */
    static String mask(String e164) {
        String digits = e164.substring(1);
        int codeLength = callingCodeLength(digits);
        String national = digits.substring(codeLength);
        int hidden = Math.max(0, national.length() - SHOWN_DIGITS);
        return "+" + digits.substring(0, codeLength) + " " + "•".repeat(hidden) + national.substring(hidden);
    }

    private static int callingCodeLength(String digits) {
        char first = digits.charAt(0);
        if (first == '1' || first == '7') {
            return 1;
        }
        return TWO_DIGIT_CODES.contains(digits.substring(0, 2)) ? 2 : 3;
    }
}
