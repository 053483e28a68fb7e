package csbot.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.invoices.CreateInvoiceLink;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sendInvoice and createInvoiceLink as Telegram checks them, through the real client. */
class InvoiceTest {

    static final String TEST_PROVIDER = "284685063:TEST:Y2FycmllcnRlc3Q";

    private TelegramEmulator telegram;
    private TelegramClient bot;
    private FakeUser ann;

    @BeforeEach
    void start() {
        telegram = TelegramEmulator.start();
        bot = BotClients.clientFor(telegram);
        ann = telegram.user(1001, "Ann", "en");
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    static SendInvoice.SendInvoiceBuilder<?, ?> stars(long chatId, int stars, String payload) {
        return SendInvoice.builder().chatId(chatId).title("Top-up").description(stars + " stars of credit")
                .payload(payload).providerToken("").currency("XTR").price(new LabeledPrice("Top-up", stars));
    }

    static SendInvoice.SendInvoiceBuilder<?, ?> pounds(long chatId, int pence, String payload) {
        return SendInvoice.builder().chatId(chatId).title("Top-up £" + pence / 100)
                .description("Credit for +447700900123")
                .payload(payload).providerToken(TEST_PROVIDER).currency("GBP").price(new LabeledPrice("Credit", pence));
    }

    @Test
    void aStarsInvoiceIsAMessageWithTheInvoice() throws TelegramApiException {
        Message sent = bot.execute(stars(ann.chatId(), 250, "topup:42").startParameter("topup").build());

        assertThat(sent.getInvoice().getTitle()).isEqualTo("Top-up");
        assertThat(sent.getInvoice().getDescription()).isEqualTo("250 stars of credit");
        assertThat(sent.getInvoice().getCurrency()).isEqualTo("XTR");
        assertThat(sent.getInvoice().getTotalAmount()).isEqualTo(250);
        assertThat(sent.getInvoice().getStartParameter()).isEqualTo("topup");
        BotMessage seen = ann.nextMessage();
        assertThat(seen.messageId()).isEqualTo(sent.getMessageId());
        assertThat(seen.telegram().at("/invoice/total_amount").asInt()).isEqualTo(250);
        assertThat(seen.telegram().has("payload")).as("the payload is the bot's secret").isFalse();
        assertThat(seen.text()).contains("Top-up").contains("⭐ 250");
    }

    @Test
    void aFiatInvoiceSumsItsPricesAndKeepsItsPayButton() throws TelegramApiException {
        Message sent = bot.execute(pounds(ann.chatId(), 1000, "topup:43").price(new LabeledPrice("Bonus data", 250))
                .replyMarkup(InlineKeyboardMarkup.builder()
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Pay £12.50").pay(true).build()))
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Cancel").callbackData("v1:cancel").build()))
                        .build())
                .build());

        assertThat(sent.getInvoice().getCurrency()).isEqualTo("GBP");
        assertThat(sent.getInvoice().getTotalAmount()).isEqualTo(1250);
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getPay()).isTrue();
        assertThat(ann.nextMessage().text()).contains("£12.50");
        assertThatThrownBy(() -> ann.tap("Pay £12.50")).hasMessageContaining("use pay(message)");
    }

    @Test
    void starsTakeOnePriceAndNoProvider() {
        assertThat(rejection(stars(ann.chatId(), 250, "p").price(new LabeledPrice("Fee", 10))))
                .isEqualTo("Bad Request: STARS_INVOICE_INVALID");
        assertThat(rejection(stars(ann.chatId(), 250, "p").providerToken(TEST_PROVIDER)))
                .isEqualTo("Bad Request: PAYMENT_PROVIDER_INVALID");
        assertThat(rejection(stars(ann.chatId(), 0, "p"))).isEqualTo("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
        assertThat(rejection(stars(ann.chatId(), 1_000_000, "p")))
                .isEqualTo("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
    }

    @Test
    void fiatNeedsAProviderAndATotalInRange() {
        assertThat(rejection(pounds(ann.chatId(), 1250, "p").providerToken("")))
                .isEqualTo("Bad Request: PAYMENT_PROVIDER_INVALID");
        assertThat(rejection(pounds(ann.chatId(), 1250, "p").providerToken("not-a-token")))
                .isEqualTo("Bad Request: PAYMENT_PROVIDER_INVALID");
        assertThat(rejection(pounds(ann.chatId(), 10, "p"))).isEqualTo("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
        assertThat(rejection(pounds(ann.chatId(), 5_000_000, "p")))
                .isEqualTo("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
        assertThat(rejection(pounds(ann.chatId(), 1250, "p").currency("ABC")))
                .isEqualTo("Bad Request: CURRENCY_INVALID");
    }

    @Test
    void thePayloadIsAtMost128BytesAndTheFirstButtonPays() {
        assertThat(rejection(stars(ann.chatId(), 250, "€".repeat(43))))
                .isEqualTo("Bad Request: INVOICE_PAYLOAD_INVALID");
        assertThat(rejection(stars(ann.chatId(), 250, "p").replyMarkup(InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Back").callbackData("b").build()))
                .build()))).isEqualTo("Bad Request: REPLY_MARKUP_BUY_EMPTY");
        assertThat(telegram.calls("sendInvoice")).extracting(ApiCall::ok).containsExactly(false, false);
        ann.expectNoMessage(Duration.ZERO);
    }

    @Test
    void telegramCutsALongTitleAndAsksForWhatIsMissing() throws Exception {
        String body = "{\"chat_id\":1001,\"title\":\"" + "T".repeat(40) + "\",\"description\":\"d\",\"payload\":\"p\","
                + "\"currency\":\"XTR\",\"prices\":[{\"label\":\"x\",\"amount\":5}]}";
        HttpResponse<String> sent = BotClients.raw(telegram, "sendInvoice", body);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(sent.body()).at("/result/invoice/title").asText()).hasSize(32);

        HttpResponse<String> noPrices = BotClients.raw(telegram, "sendInvoice",
                "{\"chat_id\":1001,\"title\":\"t\",\"description\":\"d\","
                + "\"payload\":\"p\",\"currency\":\"XTR\"}");
        assertThat(noPrices.statusCode()).isEqualTo(400);
        assertThat(noPrices.body()).contains("parameter \\\"prices\\\" is required");
    }

    @Test
    void anInvoiceLinkIsATelegramLink() throws TelegramApiException {
        String link = bot.execute(CreateInvoiceLink.builder().title("Top-up").description("250 stars")
                .payload("topup:44").currency("XTR").price(new LabeledPrice("Top-up", 250)).build());

        assertThat(link).startsWith("https://t.me/$");
        assertThatThrownBy(() -> bot.execute(CreateInvoiceLink.builder().title("Top-up").description("£5")
                .payload("topup:45").currency("GBP").price(new LabeledPrice("Credit", 500)).build()))
                .hasMessageContaining("PAYMENT_PROVIDER_INVALID");
    }

    private String rejection(SendInvoice.SendInvoiceBuilder<?, ?> invoice) {
        try {
            bot.execute(invoice.build());
        } catch (TelegramApiRequestException e) {
            assertThat(e.getErrorCode()).isEqualTo(400);
            return e.getApiResponse();
        } catch (TelegramApiException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }
}
