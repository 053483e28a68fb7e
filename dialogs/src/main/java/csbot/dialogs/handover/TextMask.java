package csbot.dialogs.handover;

import csbot.dialogs.validate.PhoneNumbers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must not be kept or shown in clear in free text a customer or an agent wrote (transcripts, the context
 * card's last messages): phone numbers, ICCIDs, ID numbers, codes. Any run of 6 or more digits (spaces and dashes
 * between them allowed) counts: a long one keeps its last four digits, so an agent can still tell two lines apart; a
 * short one (an SMS code, a PUK) is hidden whole. Amounts such as 25.00 or 1000 stay readable.
 */
public final class TextMask {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d(?:[ \\-]?\\d){5,}");

    private TextMask() {
    }

    public static String mask(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            String digits = run.replaceAll("[^0-9]", "");
            String masked;
            if (run.startsWith("+")) {
                masked = PhoneNumbers.mask("+" + digits);
            } else if (digits.length() >= 9) {
                masked = "•••• " + digits.substring(digits.length() - 4);
            } else {
                masked = "••••••";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(masked));
        }
        m.appendTail(out);
        return out.toString();
    }
}
