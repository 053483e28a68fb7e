package csbot.bot.transport;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.Observed;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static csbot.bot.testing.Observed.messagesSentTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot in webhook mode: at start-up it registers its own {@code /telegram/webhook} with the secret, and the
 * emulator POSTs updates there with the {@code X-Telegram-Bot-Api-Secret-Token} header, as Telegram does.
 * Covers a conversation through the webhook, and the bad inputs: a request without or with a wrong secret (401,
 * before the body is even looked at), a body that is not an update (400), and a delivery that comes twice
 * (answered once).
 */
@DisplayName("Webhook mode: conversations through the webhook; no secret → 401, garbage → 400, duplicates once")
class WebhookModeTest {

    private static final String SECRET = "s3cret_for-tests";

    private static World world;
    private static URI webhook;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        int port = Observed.freePort();
        webhook = URI.create("http://127.0.0.1:" + port + WebhookController.PATH);
        world.startBot("csbot.telegram.mode=webhook",
                "csbot.telegram.webhook-secret=" + SECRET,
                "csbot.telegram.webhook-url=" + webhook,
                "server.port=" + port);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("the bot registered its webhook and a customer links and checks the balance through it")
    void aConversationThroughTheWebhook() {
        assertThat(world.telegram.webhookUrl()).contains(webhook.toString());
        assertThat(world.telegram.calls("setWebhook")).singleElement()
                .satisfies(call -> assertThat(call.param("secret_token")).isEqualTo(SECRET));
        DemoLine ukSim = world.demoLine(l -> l.msisdn().startsWith("+44") && l.cardType().equals("SIM"));
        Customer wei = world.customerOwning(ukSim, "en");

        wei.says("/start");
        wei.hears("Hello", "mobile number assistant");
        wei.hears("What would you like to do?");
        wei.tapsReply("🔗 Link a number");
        wei.hears("Share my phone number");
        wei.sharesOwnNumber();
        wei.hears("✅ Linked", ukSim.lastFour());
        wei.hears("What would you like to do next?");
        wei.says("balance");
        wei.hears("Balance: £12.50");
        assertThat(world.telegram.calls("getUpdates")).as("no long polling in webhook mode").isEmpty();
    }

    @Test
    @DisplayName("a POST without the secret header, or with a wrong one, is refused with 401 and not handled")
    void noOrWrongSecretIs401() throws Exception {
        Customer eve = world.newCustomer("Eve", "en");
        String update = textUpdate(eve, "/help");

        assertThat(post(update, null)).isEqualTo(401);
        assertThat(post(update, "wrong")).isEqualTo(401);
        assertThat(post(update, SECRET + "x")).isEqualTo(401);
        assertThat(post(update, "")).isEqualTo(401);
        eve.hearsNothingFor(Duration.ofMillis(400));
        assertThat(messagesSentTo(world.telegram, eve.id())).isEmpty();
    }

    @Test
    @DisplayName("a body that is not an update, with the right secret, is refused with 400")
    void garbageWithTheRightSecretIs400() throws Exception {
        assertThat(post("garbage", SECRET)).isEqualTo(400);
        assertThat(post("[1, 2, 3]", SECRET)).isEqualTo(400);
        assertThat(post("{\"update_id\": \"not a number\"}", SECRET)).isEqualTo(400);
        assertThat(post("{\"hello\": \"world\"}", SECRET)).as("JSON without update_id").isEqualTo(400);
    }

    @Test
    @DisplayName("the right secret and a real update: handled and answered (200)")
    void theRightSecretIsHandled() throws Exception {
        Customer ann = world.newCustomer("Ann", "en");
        assertThat(post(textUpdate(ann, "/help"), SECRET)).isEqualTo(200);
        ann.hears("I can help you with:");
    }

    @Test
    @DisplayName("an update the emulator delivers to the webhook twice is answered once")
    void aDuplicateDeliveryIsAnsweredOnce() {
        Customer bob = world.newCustomer("Bob", "en");
        long help = bob.says("/help");
        bob.hears("I can help you with:");

        world.telegram.redeliver(help);
        world.telegram.awaitIdle();
        bob.hearsNothingFor(Duration.ofMillis(400));
        assertThat(messagesSentTo(world.telegram, bob.id())).hasSize(1);
    }

    /** A text message update as Telegram would POST it, with an update_id the emulator will never use. */
    private static String textUpdate(Customer from, String text) {
        long updateId = 2_000_000_000L + (from.id() % 100_000_000L);
        return """
                {"update_id": %d, "message": {"message_id": 1, "date": %d,
                 "from": {"id": %d, "is_bot": false, "first_name": "X", "language_code": "en"},
                 "chat": {"id": %d, "type": "private", "first_name": "X"},
                 "text": "%s", "entities": [{"type": "bot_command", "offset": 0, "length": %d}]}}
                """.formatted(updateId, System.currentTimeMillis() / 1000, from.id(), from.id(), text, text.length());
    }

    private static int post(String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookController.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
