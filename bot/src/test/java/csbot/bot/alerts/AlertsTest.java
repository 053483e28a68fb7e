package csbot.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.NewLines;
import csbot.bot.testing.SignedEvents;
import csbot.bot.testing.WarmUp;
import csbot.dialogs.alerts.AlertSettingsStore;
import csbot.dialogs.alerts.QuietHours;
import csbot.bot.testing.World;
import csbot.emulator.ApiCall;
import csbot.emulator.BotMessage;
import csbot.sim.SimulatorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.NewLines.drain;
import static csbot.bot.testing.TopUps.botUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Balance and expiry alerts from the backend's events to the customer's chat, through the Redis queue and the
 * dispatchers, against the simulator and the Telegram emulator. Each test links a line made for it, so only its own
 * customer hears about it. Failure cases, one per test: the same warning reported twice; quiet hours (and a time zone
 * typed wrong); a warning that arrives after its validity; the customer blocked the bot (403); Telegram's flood
 * limit (429); Telegram failing until the alert is a dead letter, then an operator's replay; a dispatcher stopped with
 * alerts in flight.
 */
@DisplayName("Alerts: warned in time, never twice, never lost")
class AlertsTest {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static World world;
    private static ConfigurableApplicationContext bot;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        // slow enough (4 alerts/s for all instances) that a dispatcher stopped mid-way has alerts left in flight
        bot = world.startBot("csbot.gate.user-updates=200", "csbot.alerts.global-per-second=4",
                "csbot.alerts.claim-idle=2s", "csbot.alerts.retry-backoff=100ms", "csbot.alerts.max-attempts=3",
                "csbot.alerts.workers=1", "csbot.alerts.batch=1");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("a drained line is warned once in English with its balance, expiry and recycling date; Top up now "
            + "opens the top-up on that line")
    void aLowBalanceIsWarnedOnceAndTopUpNowOpensTheTopUp() {
        Instant expiry = simNow().plus(Duration.ofDays(40));
        DemoLine line = NewLines.gbp(world, "12.50", expiry);
        Customer wei = world.customerOwning(line, "en");
        wei.sharesContact(line.asTelegramShares(), wei.id());
        wei.hears("✅ Linked", line.lastFour(), "🔔 Balance and expiry alerts are on for this number");
        wei.nextMessage();

        drain(world, line);
        BotMessage alert = wei.hears(Duration.ofSeconds(10), "⚠️ Low balance on +44 •••• " + line.lastFour(),
                "Balance: £2.00 (below £5.00)", "Valid until: " + EN_DATE.format(expiry.atZone(LONDON)),
                "recycled on " + EN_DATE.format(expiry.plus(Duration.ofDays(90)).atZone(LONDON)));
        assertThat(alert.buttons()).containsExactly("💳 Top up now", "⚙️ Alert settings", "🔕 Mute this line");

        drain(world, line);
        wei.hearsNothingFor(Duration.ofMillis(1500));
        assertThat(counter("csbot.alerts.deduplicated")).isGreaterThanOrEqualTo(1);

        wei.tapsOn(alert, "💳 Top up now");
        wei.hears("💳 Top up +44 •••• " + line.lastFour(), "Choose an amount");
    }

    @Test
    @DisplayName("Mute this line (Chinese): the next warning about it is not sent; turned on again in the settings")
    void muteThisLineStopsItsAlerts() {
        Instant expiry = simNow().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(30));
        DemoLine line = NewLines.gbp(world, "12.50", expiry);
        Customer mei = linkedByContact(world, line, "zh-CN");

        drain(world, line);
        BotMessage alert = mei.hears(Duration.ofSeconds(10), "⚠️ +44 •••• " + line.lastFour() + " 余额不足",
                "余额：£2.00（低于 £5.00）");
        mei.tapsOn(alert, "🔕 关闭此号码提醒");
        mei.hears("🔕 已关闭 +44 •••• " + line.lastFour() + " 的提醒");
        BotMessage settings = mei.hears("🔔 提醒 · +44 •••• " + line.lastFour(), "状态：🔕 已关闭");
        assertThat(settings.buttons()).contains("🔔 开启提醒");

        double skipped = counter("csbot.alerts.skipped", "reason", "off");
        world.sim.clock().advance(Duration.ofHours(1)); // the 7-day expiry reminder
        awaitTrue(() -> counter("csbot.alerts.skipped", "reason", "off") > skipped, "the muted reminder skipped");
        mei.hearsNothingFor(Duration.ofMillis(500));

        mei.taps("🔔 开启提醒");
        mei.hears("状态：🔔 已开启");
    }

    @Test
    @DisplayName("quiet hours hold a warning until they end, then it is delivered; a time zone typed wrong is "
            + "answered with examples")
    void quietHoursDeferThenDeliver() {
        DemoLine line = NewLines.gbp(world, "12.50", simNow().plus(Duration.ofDays(40)));
        Customer wei = linkedByContact(world, line, "en");
        wei.says("/alerts");
        wei.hears("🔔 Alerts · +44 •••• " + line.lastFour(), "Status: 🔔 on", "Quiet hours: none (Europe/London)");
        wei.taps("🌙 Quiet hours → 22:00–08:00");
        wei.hears("Quiet hours: 22:00–08:00 (Europe/London)");
        wei.taps("🕐 Time zone");
        wei.hears("Your time zone is Europe/London");
        wei.says("Mars/Olympus Mons");
        wei.hears("That is not a time zone we know");

        // a time zone where it is now 07:59:56, four seconds before the quiet hours end
        Instant typedAt = Instant.now();
        ZoneOffset zone = zoneWhereItIs(LocalTime.of(7, 59, 56), typedAt);
        Instant quietEnds = typedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
        wei.says(zone.getId());
        wei.hears("Quiet hours: 22:00–08:00 (" + zone.getId() + ")");
        wei.taps("✅ Done");
        wei.hears("✅ Alert settings saved.");
        wei.hears("What would you like to do?");

        double deferred = counter("csbot.alerts.deferred", "reason", "quietHours");
        drain(world, line);
        awaitTrue(() -> counter("csbot.alerts.deferred", "reason", "quietHours") > deferred, "the alert deferred");
        wei.hears(Duration.ofSeconds(10), "⚠️ Low balance on +44 •••• " + line.lastFour());
        assertThat(Instant.now()).as("delivered once quiet hours ended").isAfterOrEqualTo(quietEnds);
        wei.hearsNothingFor(Duration.ofMillis(500));
    }

    @Test
    @DisplayName("a warning that arrives after its 24 hours of validity is dropped, not sent out of date")
    void anExpiredAlertIsDropped() {
        Instant expiry = simNow().plus(Duration.ofDays(40));
        DemoLine line = NewLines.gbp(world, "12.50", expiry);
        Customer wei = linkedByContact(world, line, "en");
        double expired = counter("csbot.alerts.expired");

        String body = SignedEvents.lowBalance("late-" + System.nanoTime(), line.msisdn(),
                Instant.now().minus(Duration.ofDays(2)), expiry);
        long now = Instant.now().getEpochSecond();
        assertThat(SignedEvents.post(bot, "lowBalanceEvent", body, Long.toString(now),
                SignedEvents.sign(SimulatorConfig.DEFAULT_HUB_SECRET, now, body))).isEqualTo(200);

        awaitTrue(() -> counter("csbot.alerts.expired") > expired, "the alert dropped as expired");
        wei.hearsNothingFor(Duration.ofMillis(500));
    }

    @Test
    @DisplayName("403 (the customer blocked the bot) turns their alerts off; back on when they turn them on")
    void blockedBotTurnsAlertsOff() {
        Instant expiry = simNow().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(30));
        DemoLine line = NewLines.gbp(world, "12.50", expiry);
        Customer wei = linkedByContact(world, line, "en");
        double blocked = counter("csbot.alerts.skipped", "reason", "blocked");

        world.telegram.failNext("sendMessage", 1, 403, "Forbidden: bot was blocked by the user", 0);
        drain(world, line);
        awaitTrue(() -> counter("csbot.alerts.skipped", "reason", "blocked") > blocked, "the 403 taken");
        world.sim.clock().advance(Duration.ofHours(1)); // the 7-day expiry reminder, not sent either
        awaitTrue(() -> counter("csbot.alerts.skipped", "reason", "blocked") > blocked + 1, "the reminder skipped");
        wei.hearsNothingFor(Duration.ofMillis(500));

        wei.says("/alerts");
        wei.hears("🔔 Alerts · +44 •••• " + line.lastFour(), "Status: 🔕 off");
        wei.taps("🔔 Turn alerts on");
        wei.hears("Status: 🔔 on");
    }

    @Test
    @DisplayName("429: every dispatcher waits retry_after, then the alert goes once")
    void floodLimitIsHonoured() {
        DemoLine line = NewLines.gbp(world, "12.50", simNow().plus(Duration.ofDays(40)));
        Customer wei = linkedByContact(world, line, "en");
        double throttled = counter("csbot.alerts.throttled");

        world.telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 2", 2);
        Instant drained = Instant.now();
        drain(world, line);
        wei.hears(Duration.ofSeconds(10), "⚠️ Low balance on +44 •••• " + line.lastFour());
        assertThat(Duration.between(drained, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(counter("csbot.alerts.throttled")).isEqualTo(throttled + 1);
        wei.hearsNothingFor(Duration.ofMillis(1000));
    }

    @Test
    @DisplayName("Telegram failing: retried, then a dead letter the operator sees (number masked) and replays once")
    void deadLetterAndReplay() throws Exception {
        DemoLine line = NewLines.gbp(world, "12.50", simNow().plus(Duration.ofDays(40)));
        Customer wei = linkedByContact(world, line, "en");
        String masked = "+44 •••• " + line.lastFour();

        world.telegram.failNext("sendMessage", 3, 500, "Internal Server Error", 0);
        drain(world, line);
        awaitTrue(() -> deadLetterOf(masked) != null, "a dead letter");
        JsonNode dead = deadLetterOf(masked);
        assertThat(dead.path("reason").asText()).contains("failed 3 times");
        assertThat(dead.path("kind").asText()).isEqualTo("low");
        assertThat(dead.toString()).doesNotContain(line.msisdn());
        wei.hearsNothingFor(Duration.ofMillis(300));

        HttpResponse<String> replay = HTTP.send(HttpRequest.newBuilder(URI.create(botUrl(bot) + "/actuator/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + dead.path("id").asText() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(replay.body()).path("replayed").asInt()).isEqualTo(1);
        wei.hears(Duration.ofSeconds(10), "⚠️ Low balance on " + masked);
        assertThat(deadLetterOf(masked)).isNull();
        wei.hearsNothingFor(Duration.ofMillis(1000));
        assertThat(prometheus()).contains("csbot_alerts_sent_total", "csbot_alerts_failed_total",
                "csbot_alerts_received_total", "csbot_alerts_lag_seconds");
    }

    @Test
    @DisplayName("a second instance stopped with alerts in flight: the first takes them over, each customer warned once")
    void aStoppedDispatchersAlertsAreDeliveredByAnother() {
        ConfigurableApplicationContext second = world.startBot("csbot.telegram.mode=webhook",
                "csbot.telegram.webhook-secret=second-instance", "csbot.alerts.global-per-second=4",
                "csbot.alerts.claim-idle=2s", "csbot.alerts.workers=1", "csbot.alerts.batch=20");
        List<DemoLine> lines = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            DemoLine line = NewLines.gbp(world, "12.50", simNow().plus(Duration.ofDays(40)));
            lines.add(line);
            customers.add(linkedByContact(world, line, "en"));
        }
        // customers where quiet hours end in 3 s: their alerts become due together and a dispatcher reads them in
        // one batch (in production: every customer of a time zone at 08:00)
        AlertSettingsStore settings = bot.getBean(AlertSettingsStore.class);
        ZoneOffset zone = zoneWhereItIs(LocalTime.of(7, 59, 57), Instant.now());
        customers.forEach(customer -> {
            settings.quiet(customer.id(), QuietHours.DEFAULT);
            settings.zone(customer.id(), zone);
        });
        double reclaimed = counter("csbot.alerts.reclaimed");

        lines.forEach(line -> drain(world, line));
        awaitTrue(() -> !alertsSentTo(customers).isEmpty(), "the first alert");
        sleep(Duration.ofMillis(500));
        world.stopBot(second);

        for (int i = 0; i < lines.size(); i++) {
            customers.get(i).hears(Duration.ofSeconds(20), "⚠️ Low balance on +44 •••• " + lines.get(i).lastFour());
        }
        assertThat(counter("csbot.alerts.reclaimed")).as("alerts taken over").isGreaterThan(reclaimed);
        sleep(Duration.ofSeconds(1));
        List<ApiCall> sent = alertsSentTo(customers);
        assertThat(sent).hasSize(customers.size());
        assertThat(sent.stream().map(call -> call.param("chat_id")).distinct()).hasSize(customers.size());
    }

    private static List<ApiCall> alertsSentTo(List<Customer> customers) {
        List<String> chats = customers.stream().map(customer -> Long.toString(customer.id())).toList();
        return world.telegram.calls("sendMessage").stream()
                .filter(call -> call.ok() && chats.contains(call.param("chat_id"))
                        && call.param("text").contains("Low balance"))
                .toList();
    }

    // ---- helpers

    private static Instant simNow() {
        return world.sim.clock().now();
    }

    private static double counter(String name, String... tags) {
        MeterRegistry metrics = bot.getBean(MeterRegistry.class);
        return metrics.counter(name, tags).count();
    }

    private static JsonNode deadLetterOf(String masked) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(botUrl(bot) + "/actuator/alerts")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode dead : JSON.readTree(body).path("deadLetters")) {
                if (dead.path("line").asText().equals(masked)) {
                    return dead;
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String prometheus() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(botUrl(bot) + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The fixed offset whose local time at {@code at} is {@code local}. */
    private static ZoneOffset zoneWhereItIs(LocalTime local, Instant at) {
        int seconds = local.toSecondOfDay() - at.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        if (seconds > 18 * 3600) {
            seconds -= 86_400;
        } else if (seconds < -18 * 3600) {
            seconds += 86_400;
        }
        return ZoneOffset.ofTotalSeconds(seconds);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
