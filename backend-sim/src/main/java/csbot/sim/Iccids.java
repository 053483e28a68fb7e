package csbot.sim;

import java.util.regex.Pattern;

/** ICCID (ITU-T E.118): 19 or 20 digits, issuer prefix 89, Luhn check digit last. */
final class Iccids {

    private static final Pattern SHAPE = Pattern.compile("89[0-9]{17,18}");

    private Iccids() {
    }

    static boolean isValid(String iccid) {
        if (!SHAPE.matcher(iccid).matches()) {
            return false;
        }
        String body = iccid.substring(0, iccid.length() - 1);
        return checkDigit(body) == iccid.charAt(iccid.length() - 1);
    }

    /** Appends the Luhn check digit to an 18- or 19-digit body. */
    static String withCheckDigit(String body) {
        return body + checkDigit(body);
    }

    private static char checkDigit(String body) {
        int sum = 0;
        boolean doubled = true; // the digit next to the check digit is the first one doubled
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = body.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
