package csbot.dialogs.handover;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When agents are at work, in their time zone; a shift past midnight; round the clock; the next opening. */
class BusinessHoursTest {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    void officeHoursAreInTheAgentsTimeZone() {
        BusinessHours hours = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(21, 0), WEEKDAYS, HONG_KONG);
        // Friday 20 Nov 2026, 02:00 UTC = 10:00 in Hong Kong
        assertThat(hours.isOpen(Instant.parse("2026-11-20T02:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-11-20T13:00:00Z"))).as("21:00 closed").isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-21T02:00:00Z"))).as("Saturday").isFalse();
        assertThat(hours.nextOpening(Instant.parse("2026-11-20T13:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z").atZone(HONG_KONG));
    }

    @Test
    void aNightShiftBelongsToTheDayItStarted() {
        BusinessHours nights = new BusinessHours(LocalTime.of(22, 0), LocalTime.of(6, 0),
                EnumSet.of(DayOfWeek.FRIDAY), ZoneId.of("UTC"));
        assertThat(nights.isOpen(Instant.parse("2026-11-20T23:00:00Z"))).as("Friday 23:00").isTrue();
        assertThat(nights.isOpen(Instant.parse("2026-11-21T05:00:00Z"))).as("Saturday 05:00, Friday's shift")
                .isTrue();
        assertThat(nights.isOpen(Instant.parse("2026-11-21T23:00:00Z"))).as("Saturday 23:00").isFalse();
    }

    @Test
    void theSameTimeForBothIsRoundTheClock() {
        BusinessHours always = new BusinessHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                EnumSet.allOf(DayOfWeek.class), HONG_KONG);
        assertThat(always.isOpen(Instant.parse("2026-11-22T19:59:00Z"))).isTrue();
    }
}
