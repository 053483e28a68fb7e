package csbot.dialogs.validate;

/** The Luhn mod-10 check (ISO/IEC 7812) used by ICCIDs. */
final class Luhn {

    private Luhn() {
    }

    static boolean isValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
