package csbot.bot.payments;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.NewLines;
import csbot.bot.testing.Observed;
import csbot.bot.testing.SignedEvents;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.dialogs.store.KeySpace;
import csbot.emulator.BotMessage;
import csbot.emulator.PaymentResult;
import csbot.sim.LedgerEntry;
import csbot.sim.OutcomePlan;
import csbot.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.TopUps.invoice;
import static csbot.bot.testing.TopUps.resetBackend;
import static csbot.bot.testing.TopUps.topUpsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>someone else POSTs to the bot's event listener</b>. A top-up event is what tells the bot, and so
 * the customer, that money arrived, so one the backend did not sign — no signature, a wrong one, a body changed
 * after signing, or a real signature replayed after the 5 minutes it is good for — is refused with 401 and changes
 * nothing: the payment stays in progress and the customer hears nothing until the backend's own event comes. The same
 * holds for a low-balance warning (a forged one would send customers a false alarm with a top-up button), and a real
 * one delivered twice warns once.
 */
@DisplayName("Backend events: forged or stale ones are 401 and change nothing")
class HubEventSignatureTest {

    private static final String EVENT = "topupBalanceStateChangeEvent";
    private static final String ALERT = "lowBalanceEvent";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static World world;
    private static ConfigurableApplicationContext bot;
    private static DemoLine ukSim;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot();
        ukSim = world.ukSim();
        resetBackend(world, bot);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("\"completed\" claimed for a top-up still in progress: refused in every forged form; the real event works")
    void forgedEventsAreRefused() throws Exception {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£10.00", "💳 Card (Telegram Payments)");
        world.sim.topUpOutcomes().set(OutcomePlan.pending(600).times(1));
        PaymentResult paid = wei.user().pay(invoice);
        wei.hears(Duration.ofSeconds(10), "is being processed");
        LedgerEntry pending = topUpsOf(world, ukSim.msisdn()).get(0);

        String forged = """
                {"eventId":"forged-%s","eventType":"%s","eventTime":"%s","event":{"topupBalance":%s}}"""
                .formatted(System.nanoTime(), EVENT, Instant.now(), topUpJson(pending.id())
                        .replace("\"status\":\"created\"", "\"status\":\"completed\""));
        assertThat(forged).contains("\"status\":\"completed\"", paid.telegramPaymentChargeId());
        long now = Instant.now().getEpochSecond();

        assertThat(post(forged, null, null)).as("no signature").isEqualTo(401);
        assertThat(post(forged, Long.toString(now), sign("not-the-hub-secret", now, forged)))
                .as("signed with another secret").isEqualTo(401);
        assertThat(post(forged.replace("forged-", "other-"), Long.toString(now),
                sign(SimulatorConfig.DEFAULT_HUB_SECRET, now, forged))).as("body changed after signing").isEqualTo(401);
        long old = now - Duration.ofMinutes(10).toSeconds();
        assertThat(post(forged, Long.toString(old), sign(SimulatorConfig.DEFAULT_HUB_SECRET, old, forged)))
                .as("a signature from 10 minutes ago").isEqualTo(401);
        assertThat(post("not json", Long.toString(now), sign(SimulatorConfig.DEFAULT_HUB_SECRET, now, "x")))
                .as("garbage").isEqualTo(401);

        wei.hearsNothingFor(Duration.ofSeconds(1));
        assertThat(storedPayment(paid.telegramPaymentChargeId())).contains("\"state\":\"PENDING\"");
        assertThat(topUpsOf(world, ukSim.msisdn())).extracting(LedgerEntry::status).containsExactly("created");

        world.sim.clock().advance(Duration.ofSeconds(601));
        wei.hears(Duration.ofSeconds(10), "✅ Top-up done! £10.00", "Balance: £22.50");
        assertThat(storedPayment(paid.telegramPaymentChargeId())).contains("\"state\":\"COMPLETED\"");
    }

    @Test
    @DisplayName("a low-balance warning: missing, wrong and stale signatures are 401 and warn nobody; the signed one "
            + "warns once, also when the backend delivers it again")
    void lowBalanceWarningsAreSignedAndTakenOnce() {
        Instant expiry = Instant.now().plus(Duration.ofDays(40));
        DemoLine line = NewLines.gbp(world, "12.50", expiry);
        Customer owner = linkedByContact(world, line, "en");
        String body = SignedEvents.lowBalance("low-" + System.nanoTime(), line.msisdn(), Instant.now(), expiry);
        long now = Instant.now().getEpochSecond();
        long old = now - Duration.ofMinutes(6).toSeconds();

        assertThat(SignedEvents.post(bot, ALERT, body, null, null)).as("no signature").isEqualTo(401);
        assertThat(SignedEvents.post(bot, ALERT, body, Long.toString(now), sign("not-the-hub-secret", now, body)))
                .as("signed with another secret").isEqualTo(401);
        assertThat(SignedEvents.post(bot, ALERT, body, Long.toString(old),
                sign(SimulatorConfig.DEFAULT_HUB_SECRET, old, body))).as("a signature from 6 minutes ago").isEqualTo(401);
        owner.hearsNothingFor(Duration.ofSeconds(1));

        String signature = sign(SimulatorConfig.DEFAULT_HUB_SECRET, now, body);
        assertThat(SignedEvents.post(bot, ALERT, body, Long.toString(now), signature)).as("signed").isEqualTo(200);
        owner.hears(Duration.ofSeconds(10), "⚠️ Low balance on +44 •••• " + line.lastFour(), "£2.00 (below £5.00)");
        assertThat(SignedEvents.post(bot, ALERT, body, Long.toString(now), signature)).as("delivered again")
                .isEqualTo(200);
        owner.hearsNothingFor(Duration.ofMillis(1500));
    }

    // ---- helpers

    /** The top-up as the contract's GET answers it: the {@code topupBalance} an event carries. */
    private static String topUpJson(String id) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(world.sim.baseUrl().resolve("topupBalance/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int post(String body, String timestamp, String signature) {
        return SignedEvents.post(bot, EVENT, body, timestamp, signature);
    }

    private static String sign(String secret, long timestamp, String body) {
        return SignedEvents.sign(secret, timestamp, body);
    }

    private static String storedPayment(String key) {
        return Observed.get(World.REDIS_URL, new KeySpace(world.keyPrefix).global("payment:" + key)).orElseThrow();
    }
}
