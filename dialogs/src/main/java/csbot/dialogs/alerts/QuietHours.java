package csbot.dialogs.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The part of the day, in the customer's time zone, when alerts wait: {@code from} until {@code to}, across midnight
 * when {@code to} is earlier. Equal ends mean none.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));
    /** What the settings button offers, in this order. */
    public static final List<QuietHours> CHOICES = List.of(DEFAULT, new QuietHours(LocalTime.of(23, 0),
            LocalTime.of(7, 0)), new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)), NONE);

    public boolean none() {
        return from.equals(to);
    }

    /** When an alert due at {@code at} may go: {@code at} itself outside quiet hours, else the end of them. */
    public Instant releaseOf(Instant at, ZoneId zone) {
        if (none()) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = to.isBefore(from);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        if (!quiet) {
            return at;
        }
        ZonedDateTime end = local.with(to).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }

    /** {@code 22:00-08:00}; {@code off} for none. */
    public String code() {
        return none() ? "off" : from + "-" + to;
    }

    /** As shown: {@code 22:00–08:00}. */
    public String label() {
        return from + "–" + to;
    }

    public QuietHours next() {
        int at = CHOICES.indexOf(this);
        return CHOICES.get((at + 1) % CHOICES.size());
    }

    public static Optional<QuietHours> parse(String code) {
        if ("off".equals(code)) {
            return Optional.of(NONE);
        }
        String[] ends = code.split("-");
        if (ends.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QuietHours(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
