package csbot.bot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo requirement, over HTTP: the application started with no Telegram token brings the demo up by
 * itself, and a person using the web chat — through the page's own JSON API, call for call — links the demo UK number
 * by sharing contact and sees its balance card, in Chinese and in English; and tops it up with £10, paying the invoice
 * with the page's Pay ({@code POST /chat/api/pay}) in Telegram Stars or by card, or on the payment link's checkout
 * page, and hears that the top-up is done, with the new balance; and drains the line with the page's demo control, hears
 * the low-balance alert and tops up from its button. Each test starts from the simulator's seeded lines.
 */
@Timeout(60)
@ExtendWith(DemoApp.ClosedAtTheEnd.class)
class DemoModeTest {

    private static DemoApp demo;
    private static WebChat page;

    @BeforeAll
    static void start() {
        demo = DemoApp.shared();
        page = new WebChat(demo.chatUrl());
    }

    @BeforeEach
    void theBotHasNeverMetAnyone() {
        demo.forgetEveryone();
        demo.restoreTheDemoLines();
    }

    @Test
    void noTokenMeansDemoModeWithTheSimulatorAndTheWebChatOnTheirPorts() {
        assertThat(demo.context.getEnvironment().getActiveProfiles()).contains(DemoModeDetector.PROFILE);
        assertThat(demo.context.getEnvironment().getProperty("csbot.telegram.api-url"))
                .isEqualTo("http://127.0.0.1:" + demo.chatPort);

        JsonNode settings = page.settings();
        assertThat(settings.at("/settings/simulatorUrl").asText()).isEqualTo("http://127.0.0.1:" + demo.simulatorPort);
        assertThat(settings.at("/bot/username").asText()).isNotBlank();
        assertThat(page.personas()).extracting(p -> p.get("msisdn").asText())
                .contains("+447400123123", "+447400123456", "+85251234567", "+8613800138000");
    }

    @Test
    void thePageAndItsAssetsAreServed() {
        HttpResponse<String> index = page.get("");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.body()).contains("<script src=\"chat.js\"></script>", "<script src=\"payments.js\"></script>",
                "href=\"chat.css\"", "id=\"messages\"");

        for (String asset : List.of("chat.js", "payments.js", "chat.css")) {
            HttpResponse<String> file = page.get(asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).isNotBlank();
        }
        assertThat(page.get("chat.js").body()).contains("/chat/api/events", "requestContact");
        assertThat(page.get("payments.js").body()).contains("'pay'", "pay-button", "payment-receipt");
    }

    @Test
    void theBotIsHealthyOnItsOwnPort() {
        WebChat bot = new WebChat(demo.botUrl());

        HttpResponse<String> health = bot.get("actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(demo.botUrl().getPort()).as("--server.port=0 is honoured in demo mode")
                .isNotIn(8080, 8081, demo.chatPort, demo.simulatorPort);
    }

    @Test
    void aPersonLinksTheUkSimBySharingContactAndSeesItsBalanceInChinese() {
        WebChat.Person wei = page.as(ukSim(), "zh-CN");

        wei.says("余额");
        wei.awaitMessage("您还没有绑定号码");
        wei.awaitMessage("分享我的手机号");
        assertThat(wei.tapsShareContact()).isEqualTo("📱 分享我的手机号");

        wei.awaitMessage("✅ 绑定成功", "+44 •••• 3123", "实体 SIM 卡", "正常使用");
        JsonNode card = wei.awaitMessage("余额：£12.50");
        assertThat(card.get("text").asText())
                .contains("📱 +44 •••• 3123", "✅ 正常使用")
                .containsPattern("📅 有效期至 \\d{4}年\\d{1,2}月\\d{1,2}日（还剩 4[45] 天）");

        wei.says("余额");
        JsonNode again = wei.awaitMessage("余额：£12.50", "有效期至");
        wei.taps(again, "🔄 刷新");
        wei.awaitToast("✓ 已是最新");
    }

    @Test
    void aPersonLinksTheUkSimBySharingContactAndSeesItsBalanceInEnglish() {
        WebChat.Person wei = page.as(ukSim(), "en");

        wei.says("balance");
        wei.awaitMessage("You haven't linked a number yet");
        wei.awaitMessage("Share my phone number");
        assertThat(wei.tapsShareContact()).isEqualTo("📱 Share my phone number");

        wei.awaitMessage("✅ Linked", "+44 •••• 3123", "physical SIM", "active");
        JsonNode card = wei.awaitMessage("Balance: £12.50");
        assertThat(card.get("text").asText())
                .contains("📱 +44 •••• 3123", "✅ Active")
                .containsPattern("📅 Valid until \\d{1,2} [A-Z][a-z]{2} \\d{4} \\(4[45] days left\\)");

        wei.says("balance");
        JsonNode again = wei.awaitMessage("Balance: £12.50", "Valid until");
        wei.taps(again, "🔄 Refresh");
        wei.awaitToast("✓ Up to date");
    }

    @Test
    void aPersonTopsUpTheUkSimWithTelegramStarsPaysTheInvoiceAndSeesTheNewBalanceInChinese() {
        WebChat.Person wei = page.as(ukSim(), "zh-CN");
        linksBySharingContactAndAsksToTopUp(wei, "充值", "分享我的手机号");

        JsonNode amounts = wei.awaitMessage("💳 为 +44 •••• 3123 充值", "请选择金额");
        wei.taps(amounts, "£10.00");
        JsonNode methods = wei.awaitMessage("充值 £10.00", "请选择支付方式");
        wei.taps(methods, "⭐ Telegram Stars（750 ⭐）");
        JsonNode confirm = wei.awaitMessage("请确认充值", "+44 •••• 3123", "£10.00", "750 ⭐");
        wei.taps(confirm, "✅ 确认支付");

        wei.awaitMessage("🧾 账单已发送");
        JsonNode invoice = wei.awaitInvoice();
        assertThat(invoice.at("/telegram/invoice/currency").asText()).isEqualTo("XTR");
        assertThat(invoice.at("/telegram/invoice/total_amount").asInt()).isEqualTo(750);

        JsonNode paid = wei.pays(invoice);
        assertThat(paid.get("outcome").asText()).as(wei.transcript()).isEqualTo("PAID");
        assertThat(paid.at("/charge/currency").asText()).isEqualTo("XTR");
        assertThat(paid.at("/charge/totalAmount").asInt()).isEqualTo(750);
        JsonNode payment = wei.awaitEvent("payment");
        assertThat(payment.at("/charge/telegramPaymentChargeId").asText())
                .isEqualTo(paid.at("/charge/telegramPaymentChargeId").asText());

        JsonNode done = wei.awaitMessage("✅ 充值成功", "£10.00", "+44 •••• 3123");
        assertThat(done.get("text").asText()).contains("💰 余额：£22.50").containsPattern("（还剩 7[45] 天）");
        assertThat(wei.pays(invoice).get("outcome").asText()).as("a second tap on Pay").isEqualTo("ALREADY_PAID");
    }

    @Test
    void aPersonTopsUpTheUkSimByCardPaysTheInvoiceAndSeesTheNewBalanceInEnglish() {
        WebChat.Person wei = page.as(ukSim(), "en");
        linksBySharingContactAndAsksToTopUp(wei, "top up", "Share my phone number");

        JsonNode amounts = wei.awaitMessage("💳 Top up +44 •••• 3123", "Choose an amount");
        wei.taps(amounts, "£10.00");
        JsonNode methods = wei.awaitMessage("Top up £10.00", "How would you like to pay?");
        assertThat(buttonsOf(methods)).contains("⭐ Telegram Stars (750 ⭐)", "💳 Card (Telegram Payments)",
                "🌐 Pay online (card / Alipay / WeChat Pay)", "💾 Visa •••• 4242");
        wei.taps(methods, "💳 Card (Telegram Payments)");
        JsonNode confirm = wei.awaitMessage("Please confirm your top-up", "£10.00", "card (Telegram Payments)");
        wei.taps(confirm, "✅ Confirm and pay");

        wei.awaitMessage("🧾 Here is your invoice");
        JsonNode invoice = wei.awaitInvoice();
        assertThat(invoice.at("/telegram/invoice/currency").asText()).isEqualTo("GBP");
        assertThat(invoice.at("/telegram/invoice/total_amount").asInt()).isEqualTo(1000);

        JsonNode paid = wei.pays(invoice);
        assertThat(paid.get("outcome").asText()).as(wei.transcript()).isEqualTo("PAID");
        assertThat(paid.at("/charge/currency").asText()).isEqualTo("GBP");
        assertThat(paid.at("/charge/totalAmount").asInt()).isEqualTo(1000);
        assertThat(paid.at("/charge/providerPaymentChargeId").asText()).isNotEmpty();
        wei.awaitEvent("payment");

        JsonNode done = wei.awaitMessage("✅ Top-up done!", "£10.00", "+44 •••• 3123");
        assertThat(done.get("text").asText()).contains("💰 Balance: £22.50").containsPattern("\\(7[45] days left\\)");
    }

    @Test
    void aPersonPaysOnTheCheckoutPageThePaymentLinkOpensAndHearsTheTopUpIsDoneInChinese() {
        WebChat.Person wei = page.as(ukSim(), "zh-CN");
        linksBySharingContactAndAsksToTopUp(wei, "充值", "分享我的手机号");

        wei.taps(wei.awaitMessage("请选择金额"), "£10.00");
        wei.taps(wei.awaitMessage("请选择支付方式"), "🌐 网页支付（银行卡 / 支付宝 / 微信支付）");
        wei.taps(wei.awaitMessage("请确认充值", "网页支付"), "✅ 确认支付");
        JsonNode link = wei.awaitMessage("🌐 请点击下方按钮");
        URI checkout = wei.linkOf(link, "🌐 打开支付页面");
        assertThat(checkout.toString()).startsWith("http://127.0.0.1:" + demo.simulatorPort + "/checkout/");

        // the page opens the link in a new tab; there the person picks Alipay, which posts the checkout's form
        HttpResponse<String> shown = page.get(checkout.toString());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("GBP 10.00", "支付宝");
        HttpResponse<String> paid = page.postForm(URI.create(checkout + "/pay"), "method=alipay");
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("✅ 支付成功");

        JsonNode done = wei.awaitMessage("✅ 充值成功", "£10.00", "+44 •••• 3123");
        assertThat(done.get("text").asText()).contains("💰 余额：£22.50");
    }

    @Test
    void thePagesDrainControlBringsTheLowBalanceAlertWhoseTopUpNowOpensTheTopUpInEnglish() throws Exception {
        assertThat(page.get("").body()).contains("id=\"drain\"");
        assertThat(page.get("chat.js").body()).contains("/sim/admin/drain");
        WebChat.Person wei = page.as(ukSim(), "en");
        wei.says("balance");
        wei.awaitMessage("Share my phone number");
        wei.tapsShareContact();
        wei.awaitMessage("✅ Linked", "+44 •••• 3123", "🔔 Balance and expiry alerts are on for this number");

        // what the page's ⚡ button posts: a simple cross-origin request to the simulator
        HttpResponse<Void> drained = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + demo.simulatorPort + "/sim/admin/drain"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"msisdn\": \"+447400123123\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(drained.statusCode()).isEqualTo(200);

        JsonNode alert = wei.awaitMessage("⚠️ Low balance on +44 •••• 3123", "Balance: £2.00 (below £5.00)");
        assertThat(buttonsOf(alert)).containsExactly("💳 Top up now", "⚙️ Alert settings", "🔕 Mute this line");
        wei.taps(alert, "💳 Top up now");
        wei.awaitMessage("💳 Top up +44 •••• 3123", "Choose an amount");
    }

    /** Asks to top up before any line is linked: the bot links one first (shared contact), then goes on. */
    private static void linksBySharingContactAndAsksToTopUp(WebChat.Person person, String topUp, String shareLabel) {
        person.says(topUp);
        person.awaitMessage(shareLabel);
        person.tapsShareContact();
    }

    private static List<String> buttonsOf(JsonNode message) {
        return StreamSupport.stream(message.get("inlineKeyboard").spliterator(), false)
                .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
                .map(b -> b.get("label").asText()).toList();
    }

    /** The demo's UK physical SIM, as the page lists it: +44 7400 123123, active, £12.50. */
    private static JsonNode ukSim() {
        JsonNode line = page.personas().stream()
                .filter(p -> p.get("msisdn").asText().startsWith("+44") && p.get("cardType").asText().equals("SIM"))
                .findFirst().orElseThrow();
        assertThat(line.get("msisdn").asText()).isEqualTo("+447400123123");
        assertThat(line.get("status").asText()).isEqualTo("active");
        assertThat(line.get("currency").asText()).isEqualTo("GBP");
        assertThat(line.get("balance").decimalValue()).isEqualByComparingTo("12.50");
        return line;
    }
}
