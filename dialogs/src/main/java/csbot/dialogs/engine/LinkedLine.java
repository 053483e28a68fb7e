package csbot.dialogs.engine;

/**
 * A line the user proved they own.
 *
 * @param msisdn   E.164
 * @param via      how ownership was proved: {@code contact} (Telegram-verified number) or {@code otp}
 * @param linkedAt epoch millis
 */
public record LinkedLine(String msisdn, String via, long linkedAt) {
}
