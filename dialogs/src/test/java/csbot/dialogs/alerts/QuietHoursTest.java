package csbot.dialogs.alerts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an alert may go, in the customer's time zone: held until quiet hours end (across midnight, and on the night's
 * second day), at once outside them or with none; settings stored as text read back, anything else refused.
 */
class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Test
    void anAlertInTheNightWaitsForTheMorningInTheCustomersZone() {
        Instant lateEvening = ZonedDateTime.of(2026, 11, 22, 23, 30, 0, 0, LONDON).toInstant();
        assertThat(QuietHours.DEFAULT.releaseOf(lateEvening, LONDON))
                .isEqualTo(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, LONDON).toInstant());

        Instant earlyMorning = ZonedDateTime.of(2026, 11, 23, 6, 15, 0, 0, HONG_KONG).toInstant();
        assertThat(QuietHours.DEFAULT.releaseOf(earlyMorning, HONG_KONG))
                .isEqualTo(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, HONG_KONG).toInstant());
    }

    @Test
    void anAlertInTheDayOrWithoutQuietHoursGoesAtOnce() {
        Instant noon = ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, LONDON).toInstant();
        assertThat(QuietHours.DEFAULT.releaseOf(noon, LONDON)).isEqualTo(noon);
        Instant night = ZonedDateTime.of(2026, 11, 22, 3, 0, 0, 0, LONDON).toInstant();
        assertThat(QuietHours.NONE.releaseOf(night, LONDON)).isEqualTo(night);
        assertThat(QuietHours.DEFAULT.releaseOf(ZonedDateTime.of(2026, 11, 22, 8, 0, 0, 0, LONDON).toInstant(), LONDON))
                .as("the end itself is no longer quiet").isEqualTo(ZonedDateTime.of(2026, 11, 22, 8, 0, 0, 0, LONDON)
                        .toInstant());
    }

    @Test
    void quietHoursWithinOneDayHoldOnlyThatPart() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        Instant at = ZonedDateTime.of(2026, 11, 22, 13, 20, 0, 0, LONDON).toInstant();
        assertThat(afternoon.releaseOf(at, LONDON)).isEqualTo(ZonedDateTime.of(2026, 11, 22, 14, 0, 0, 0, LONDON)
                .toInstant());
        Instant evening = ZonedDateTime.of(2026, 11, 22, 20, 0, 0, 0, LONDON).toInstant();
        assertThat(afternoon.releaseOf(evening, LONDON)).isEqualTo(evening);
    }

    @Test
    void storedAsTextAndReadBackAndTheButtonCyclesThroughTheChoices() {
        assertThat(QuietHours.parse(QuietHours.DEFAULT.code())).contains(QuietHours.DEFAULT);
        assertThat(QuietHours.parse("off")).contains(QuietHours.NONE);
        assertThat(QuietHours.parse("22:00")).isEmpty();
        assertThat(QuietHours.parse("25:00-08:00")).isEmpty();
        assertThat(QuietHours.DEFAULT.next().next().next().next()).isEqualTo(QuietHours.DEFAULT);
        assertThat(QuietHours.NONE.next()).isEqualTo(QuietHours.DEFAULT);
    }

    @Test
    void aTypedTimeZoneIsARegionOrAnOffset() {
        assertThat(AlertsFlow.zoneOf("Europe/London")).contains(LONDON);
        assertThat(AlertsFlow.zoneOf("UTC+8")).contains(ZoneId.of("UTC+8"));
        assertThat(AlertsFlow.zoneOf("gmt-5")).contains(ZoneId.of("UTC-5"));
        assertThat(AlertsFlow.zoneOf("Asia/Hong Kong")).contains(HONG_KONG);
        assertThat(AlertsFlow.zoneOf("Mars/Olympus")).isEmpty();
        assertThat(AlertsFlow.zoneOf("  ")).isEmpty();
    }
}
