package csbot.dialogs.alerts;

import csbot.backend.Money;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's alert preferences, kept per chat: which of their lines are muted, on which days before expiry and
 * below which balance each line is warned, quiet hours and time zone, the language alerts are written in, and whether
 * Telegram said the customer blocked the bot.
 *
 * @param reminderDays per line, the days before expiry the customer chose; a line not in it has all of
 *                     {@link #REMINDER_DAYS}
 * @param levels       per line, the balance below which the customer wants a low-balance warning; a line not in it
 *                     has the backend's level
 * @param lang         the language tag of the customer's chat when last seen
 * @param blocked      Telegram answered 403 to an alert: nothing is sent until the customer turns alerts on again
 */
public record AlertSettings(Set<String> mutedLines, Map<String, Set<Integer>> reminderDays, Map<String, Money> levels,
                            QuietHours quiet, ZoneId zone, String lang, boolean blocked) {

    /** The days before expiry a line can be reminded on, earliest first (the backend and the sweep warn on these). */
    public static final List<Integer> REMINDER_DAYS = List.of(7, 3, 1);

    public AlertSettings {
        mutedLines = Set.copyOf(mutedLines);
        reminderDays = Map.copyOf(reminderDays);
        levels = Map.copyOf(levels);
    }

    /** Whether alerts about {@code msisdn} should be sent at all. */
    public boolean wants(String msisdn) {
        return !blocked && !mutedLines.contains(msisdn);
    }

    /**
     * Whether this alert is one the customer chose: an expiry reminder on one of the line's reminder days, a low
     * balance below the customer's own level when they set one (in another currency the level says nothing).
     */
    public boolean chose(LineAlert alert) {
        if (alert instanceof LineAlert.Expiry soon) {
            return reminderDays(soon.msisdn()).contains(soon.daysLeft());
        }
        Money balance = alert.balance();
        return level(alert.msisdn()).filter(level -> level.currency().equals(balance.currency()))
                .map(level -> balance.amount().compareTo(level.amount()) < 0).orElse(true);
    }

    public Set<Integer> reminderDays(String msisdn) {
        return reminderDays.getOrDefault(msisdn, Set.copyOf(REMINDER_DAYS));
    }

    /** The customer's own low-balance level for the line; empty for the backend's. */
    public Optional<Money> level(String msisdn) {
        return Optional.ofNullable(levels.get(msisdn));
    }
}
