package csbot.bot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo requirement, over HTTP: the application started with no Telegram token brings the demo up by
 * itself, and a person using the web chat — through the page's own JSON API, call for call — links the demo UK number
 * by sharing contact and sees its balance card, in Chinese and in English.
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
        assertThat(index.body()).contains("<script src=\"chat.js\"></script>", "href=\"chat.css\"", "id=\"messages\"");

        for (String asset : List.of("chat.js", "chat.css")) {
            HttpResponse<String> file = page.get(asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).isNotBlank();
        }
        assertThat(page.get("chat.js").body()).contains("/chat/api/events", "requestContact");
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
