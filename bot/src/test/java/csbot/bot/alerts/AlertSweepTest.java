package csbot.bot.alerts;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.NewLines;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static csbot.bot.testing.Journeys.linkedByContact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule for a backend that sends no events (the bots are not subscribed): a line linked with a low balance, 7
 * days before its expiry, is warned by the sweep — once for each, however many checks follow — and with two
 * instances running, each check of the line is made by one of them only.
 */
@DisplayName("Alerts without events: the sweep")
class AlertSweepTest {

    private static World world;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        world.startBot("csbot.backend.hub.secret=", "csbot.alerts.sweep-every=1s", "csbot.alerts.sweep-tick=100ms");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("low balance and 7 days to expiry found by the sweep, each warned once (Chinese); two instances "
            + "check a line once per period between them")
    void theSweepWarnsOnceAndEachCheckIsMadeOnce() throws InterruptedException {
        LocalDate inAWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        DemoLine line = NewLines.gbp(world, "2.00", inAWeek.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
        Customer mei = linkedByContact(world, line, "zh-CN");

        List<String> heard = List.of(mei.nextMessage().text(), mei.nextMessage().text());
        assertThat(heard).anySatisfy(text -> assertThat(text)
                .contains("⚠️ +44 •••• " + line.lastFour() + " 余额不足", "余额：£2.00（低于 £5.00）"));
        assertThat(heard).anySatisfy(text -> assertThat(text)
                .contains("⏰ +44 •••• " + line.lastFour() + " 将在 7 天后", "余额：£2.00"));
        mei.hearsNothingFor(Duration.ofMillis(2500));

        world.startBot("csbot.backend.hub.secret=", "csbot.alerts.sweep-every=1s", "csbot.alerts.sweep-tick=100ms",
                "csbot.telegram.mode=webhook", "csbot.telegram.webhook-secret=second-instance");
        long before = world.sim.requestCount("GET /bucket");
        Thread.sleep(4000);
        long checks = world.sim.requestCount("GET /bucket") - before;
        assertThat(checks).as("checks of the one line in 4 s, every second, by two instances").isBetween(3L, 5L);
        mei.hearsNothingFor(Duration.ofMillis(200));
    }

    @Test
    @DisplayName("a customer's own level above the backend's (£6 typed): the sweep warns at £5.50, which the backend "
            + "would not")
    void theSweepUsesTheCustomersOwnLevel() {
        DemoLine line = NewLines.gbp(world, "5.50", LocalDate.now(ZoneOffset.UTC).plusDays(40)
                .atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
        Customer wei = linkedByContact(world, line, "en");
        wei.says("/alerts");
        wei.hears("💷 Low-balance level: the backend's level, £5.00");
        wei.taps("💷 Low-balance level");
        wei.hears("Type the balance");
        wei.says("6");
        wei.hears("💷 Low-balance level: £6.00 (your own)");

        wei.hears(Duration.ofSeconds(5), "⚠️ Low balance on +44 •••• " + line.lastFour(),
                "Balance: £5.50 (below £6.00)");
        wei.hearsNothingFor(Duration.ofMillis(1500));
    }
}
