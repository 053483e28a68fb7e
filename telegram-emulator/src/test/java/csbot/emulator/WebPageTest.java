package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chat: its files and its JSON API. */
class WebPageTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private TelegramEmulator telegram;

    @BeforeEach
    void start() {
        telegram = TelegramEmulator.start(EmulatorConfig.defaults()
                .withPageSettings(Map.of("simulatorUrl", "http://127.0.0.1:9")));
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void thePageAndItsScriptAndStylesAreServed() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"chat.js\">").contains("chat.css");

        assertThat(get("/chat.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(get("/chat.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(get("/nothing.js").statusCode()).isEqualTo(404);
        assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void settingsCarryWhatTheDemoPassed() throws Exception {
        JsonNode settings = json(get("/chat/api/settings"));

        assertThat(settings.at("/settings/simulatorUrl").asText()).isEqualTo("http://127.0.0.1:9");
        assertThat(settings.at("/bot/username").asText()).isEqualTo("csbot_demo_bot");
    }

    @Test
    void aPersonChatsThroughTheApiAndSeesTheBotsMessages() throws Exception {
        String user = "{\"id\":3001,\"firstName\":\"小明\",\"languageCode\":\"zh-CN\"}";
        assertThat(post("text", "{\"user\":" + user + ",\"text\":\"/start\"}").statusCode()).isEqualTo(200);
        TelegramClient bot = BotClients.clientFor(telegram);
        Update start = bot.execute(GetUpdates.builder().build()).get(0);
        assertThat(start.getMessage().getFrom().getFirstName()).isEqualTo("小明");
        bot.execute(SendMessage.builder().chatId(3001L).text("欢迎").replyMarkup(InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("余额").callbackData("bal").build()))
                .build()).build());

        JsonNode events = json(get("/chat/api/events?chat=3001&after=0&timeout=1")).get("events");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asText()).isEqualTo("user");
        assertThat(events.get(1).get("type").asText()).isEqualTo("message");
        assertThat(events.get(1).at("/message/text").asText()).isEqualTo("欢迎");
        assertThat(events.get(1).at("/message/inlineKeyboard/0/0/callbackData").asText()).isEqualTo("bal");

        int messageId = events.get(1).at("/message/messageId").asInt();
        post("button", "{\"user\":" + user + ",\"messageId\":" + messageId + ",\"callbackData\":\"bal\"}");
        post("contact", "{\"user\":" + user + ",\"phoneNumber\":\"+85291234567\"}");
        List<Update> next = bot.execute(GetUpdates.builder().offset(start.getUpdateId() + 1).build());
        assertThat(next.get(0).getCallbackQuery().getData()).isEqualTo("bal");
        assertThat(next.get(1).getMessage().getContact().getUserId()).isEqualTo(3001L);

        JsonNode later = json(get("/chat/api/events?chat=3001&after=2&timeout=1")).get("events");
        assertThat(later).extracting(e -> e.get("type").asText()).containsExactly("user", "user");
    }

    @Test
    void aPersonPaysAnInvoiceFromThePageAndSeesThePayment() throws Exception {
        String user = "{\"id\":3001,\"firstName\":\"小明\",\"languageCode\":\"zh-CN\"}";
        TelegramClient bot = BotClients.clientFor(telegram);
        Message invoice = bot.execute(InvoiceTest.stars(3001, 250, "topup:42").build());
        bot.execute(SendMessage.builder().chatId(3001L).text("Not an invoice").build());
        JsonNode shown = json(get("/chat/api/events?chat=3001&after=0&timeout=1")).get("events").get(0);
        assertThat(shown.at("/message/telegram/invoice/total_amount").asInt()).isEqualTo(250);

        CompletableFuture<HttpResponse<String>> paying = CompletableFuture.supplyAsync(() -> {
            try {
                return post("pay", "{\"user\":" + user + ",\"messageId\":" + invoice.getMessageId() + "}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Update query = bot.execute(GetUpdates.builder().timeout(5).build()).get(0);
        assertThat(query.getPreCheckoutQuery().getFrom().getFirstName()).isEqualTo("小明");
        bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(query.getPreCheckoutQuery().getId()).ok(true)
                .build());

        HttpResponse<String> response = paying.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("outcome").asText()).isEqualTo("PAID");
        assertThat(result.at("/charge/telegramPaymentChargeId").asText()).startsWith("stx");
        assertThat(result.at("/charge/totalAmount").asInt()).isEqualTo(250);
        assertThat(result.at("/charge/time").asText()).as("ISO-8601").contains("T");
        List<Update> paid = bot.execute(GetUpdates.builder().offset(query.getUpdateId() + 1).build());
        assertThat(paid).singleElement().satisfies(update -> assertThat(update.getMessage().getSuccessfulPayment()
                .getTelegramPaymentChargeId()).isEqualTo(result.at("/charge/telegramPaymentChargeId").asText()));

        JsonNode events = json(get("/chat/api/events?chat=3001&after=2&timeout=1")).get("events");
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("user", "preCheckoutAnswer", "payment");
        assertThat(events.get(0).get("kind").asText()).isEqualTo("pre_checkout");
        assertThat(events.get(2).at("/charge/invoiceMessageId").asInt()).isEqualTo(invoice.getMessageId());

        String again = post("pay", "{\"user\":" + user + ",\"messageId\":" + invoice.getMessageId() + "}").body();
        assertThat(json(again).get("outcome").asText()).isEqualTo("ALREADY_PAID");
        HttpResponse<String> notAnInvoice = post("pay", "{\"user\":" + user + ",\"messageId\":2}");
        assertThat(notAnInvoice.statusCode()).isEqualTo(400);
        assertThat(json(notAnInvoice).get("error").asText()).contains("not an invoice");
        assertThat(telegram.charges()).hasSize(1);

        bot.execute(RefundStarPayment.builder().userId(3001L)
                .telegramPaymentChargeId(result.at("/charge/telegramPaymentChargeId").asText()).build());
        JsonNode refund = json(get("/chat/api/events?chat=3001&after=5&timeout=1")).get("events").get(0);
        assertThat(refund.get("type").asText()).isEqualTo("refund");
        assertThat(refund.at("/refund/totalAmount").asInt()).isEqualTo(250);
    }

    @Test
    void thePageShowsInvoicesWithItsPaymentsScript() throws Exception {
        assertThat(get("/").body()).contains("<script src=\"payments.js\">");
        assertThat(get("/payments.js").body()).contains("CsbotChat.decorateMessage").contains("'pay'")
                .contains("data-testid").contains("pay-button");
    }

    private static JsonNode json(String body) throws Exception {
        return Json.MAPPER.readTree(body);
    }

    @Test
    void theStreamOfAUserWhoHasNotWrittenYetWaitsForTheChatToBeginInsteadOfAnsweringAtOnce() throws Exception {
        long started = System.nanoTime();
        JsonNode quiet = json(get("/chat/api/events?chat=3002&after=0&timeout=1")).get("events");
        assertThat(quiet).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("a long poll, not a busy loop")
                .isGreaterThanOrEqualTo(900);

        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(HttpRequest.newBuilder(
                URI.create(telegram.baseUrl() + "/chat/api/events?chat=3002&after=0&timeout=10")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        post("text", "{\"user\":{\"id\":3002,\"firstName\":\"Ann\"},\"text\":\"hello\"}");

        JsonNode events = json(waiting.get(5, TimeUnit.SECONDS)).get("events");
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("user");
        assertThat(events.get(0).get("text").asText()).isEqualTo("hello");
    }

    @Test
    void aBadRequestSaysWhy() throws Exception {
        HttpResponse<String> response = post("text", "{\"user\":{\"id\":5},\"text\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("firstName");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String action, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/chat/api/" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
