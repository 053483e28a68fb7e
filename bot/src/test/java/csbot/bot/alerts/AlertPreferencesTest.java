package csbot.bot.alerts;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.NewLines;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.dialogs.alerts.AlertSettingsStore;
import csbot.emulator.BotMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.NewLines.drain;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's choices in /alerts, kept in the chat's alert settings in Redis: which days before expiry a line is
 * reminded on, and the balance below which it is warned. Against the simulator's events and the Telegram emulator.
 * Bad input covered: a level typed as letters, negative, or with too many decimals — each answered, nothing stored.
 */
@DisplayName("Alerts: reminder days and the customer's own low-balance level")
class AlertPreferencesTest {

    private static World world;
    private static ConfigurableApplicationContext bot;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("the 3-day reminder turned off: its expiry event brings no alert, the 1-day one still comes")
    void aReminderDayTurnedOffIsNotSent() {
        Instant expiry = world.sim.clock().now().plus(Duration.ofDays(3)).plus(Duration.ofMinutes(30));
        DemoLine line = NewLines.gbp(world, "12.50", expiry);
        Customer wei = linkedByContact(world, line, "en");

        wei.says("/alerts");
        wei.hears("🔔 Alerts · +44 •••• " + line.lastFour(), "⏰ Reminders: 7 · 3 · 1 days before expiry");
        wei.taps("✅ 3-day");
        BotMessage settings = wei.hears("⏰ Reminders: 7 · 1 days before expiry");
        assertThat(settings.buttons()).contains("✅ 7-day", "⬜ 3-day", "✅ 1-day");
        wei.taps("✅ Done");
        wei.hears("✅ Alert settings saved.");
        wei.nextMessage();

        double skipped = counter("csbot.alerts.skipped", "reason", "notChosen");
        world.sim.clock().advance(Duration.ofHours(1)); // the 3-day reminder
        awaitTrue(() -> counter("csbot.alerts.skipped", "reason", "notChosen") > skipped, "the 3-day reminder skipped");
        wei.hearsNothingFor(Duration.ofMillis(500));

        world.sim.clock().advance(Duration.ofDays(2)); // the 1-day reminder
        wei.hears(Duration.ofSeconds(10), "⏰ +44 •••• " + line.lastFour() + " expires tomorrow");
    }

    @Test
    @DisplayName("a level of £2 typed (after letters, a negative and too many decimals, each answered and nothing "
            + "stored): the balance at £3.00, below the backend's £5.00, brings no alert; back to the backend's level, "
            + "the next drain does")
    void theCustomersOwnLevelHoldsBackALowBalanceAboveIt() {
        DemoLine line = NewLines.gbp(world, "12.50", world.sim.clock().now().plus(Duration.ofDays(40)));
        Customer wei = linkedByContact(world, line, "en");
        AlertSettingsStore settings = bot.getBean(AlertSettingsStore.class);

        wei.says("/alerts");
        wei.hears("🔔 Alerts · +44 •••• " + line.lastFour(), "💷 Low-balance level: the backend's level, £5.00");
        wei.taps("💷 Low-balance level");
        wei.hears("is warned when its balance falls below the backend's level, £5.00", "Type the balance");
        wei.says("two pounds");
        wei.hears("Please type the level as a number, e.g. 2 or 2.50", "Nothing was changed.");
        wei.says("-2");
        wei.hears("The level must be more than 0", "Nothing was changed.");
        wei.says("2.005");
        wei.hears("The level can have at most 2 decimal places", "Nothing was changed.");
        assertThat(settings.settings(wei.id()).level(line.msisdn())).isEmpty();

        wei.says("£2");
        wei.hears("💷 Low-balance level: £2.00 (your own)");
        wei.taps("✅ Done");
        wei.hears("✅ Alert settings saved.");
        wei.nextMessage();

        double skipped = counter("csbot.alerts.skipped", "reason", "notChosen");
        world.post("sim/admin/usage", "{\"msisdn\": \"" + line.msisdn() + "\", \"amount\": 9.50}");
        awaitTrue(() -> counter("csbot.alerts.skipped", "reason", "notChosen") > skipped,
                "the backend's warning at £3.00 held back");
        wei.hearsNothingFor(Duration.ofMillis(500));

        wei.says("/alerts");
        wei.hears("💷 Low-balance level: £2.00 (your own)");
        wei.taps("💷 Low-balance level");
        wei.hears("below £2.00 (your own)");
        wei.taps("↩️ Use the backend's level");
        wei.hears("💷 Low-balance level: the backend's level, £5.00");
        drain(world, line);
        wei.hears(Duration.ofSeconds(10), "⚠️ Low balance on +44 •••• " + line.lastFour(),
                "Balance: £2.00 (below £5.00)");
    }

    private static double counter(String name, String... tags) {
        return bot.getBean(MeterRegistry.class).counter(name, tags).count();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
