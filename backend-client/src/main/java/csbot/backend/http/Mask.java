package csbot.backend.http;

/** What of a phone number or ICCID may appear in logs and exception messages: its last four digits. */
final class Mask {

    private static final int SHOWN = 4;

    private Mask() {
    }

    static String tail(String value) {
        return value.length() <= SHOWN ? "***" : "***" + value.substring(value.length() - SHOWN);
    }
}
