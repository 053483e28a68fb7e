package csbot.dialogs.alerts;

import java.time.ZoneId;
import java.util.Set;

/**
 * A customer's alert preferences, kept per chat: which of their lines are muted, quiet hours and time zone, the
 * language alerts are written in, and whether Telegram said the customer blocked the bot.
 *
 * @param lang      the language tag of the customer's chat when last seen
 * @param blocked   Telegram answered 403 to an alert: nothing is sent until the customer turns alerts on again
 */
public record AlertSettings(Set<String> mutedLines, QuietHours quiet, ZoneId zone, String lang, boolean blocked) {

    public AlertSettings {
        mutedLines = Set.copyOf(mutedLines);
    }

    /** Whether an alert about {@code msisdn} should be sent at all. */
    public boolean wants(String msisdn) {
        return !blocked && !mutedLines.contains(msisdn);
    }
}
