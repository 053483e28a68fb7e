package csbot.dialogs.handover;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When agents are at work: from {@code opens} to {@code closes} (local time in {@code zone}) on {@code days}. A closing
 * time before the opening time runs past midnight (22:00–06:00); the same time for both is round the clock.
 */
public record BusinessHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days, ZoneId zone) {

    public BusinessHours {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("agents work on at least one day");
        }
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (opens.equals(closes)) {
            return days.contains(local.getDayOfWeek());
        }
        if (opens.isBefore(closes)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
        }
        // past midnight: the evening belongs to today, the small hours to yesterday's shift
        return time.isBefore(closes) ? days.contains(local.getDayOfWeek().minus(1))
                : !time.isBefore(opens) && days.contains(local.getDayOfWeek());
    }

    /** When agents are next at work: {@code at} itself when they are now. */
    public ZonedDateTime nextOpening(Instant at) {
        if (isOpen(at)) {
            return at.atZone(zone);
        }
        ZonedDateTime day = at.atZone(zone).with(opens);
        for (int i = 0; i < 8; i++) {
            ZonedDateTime candidate = day.plusDays(i);
            if (candidate.toInstant().isAfter(at) && days.contains(candidate.getDayOfWeek())) {
                return candidate;
            }
        }
        throw new IllegalStateException("no working day in a week");
    }
}
