package csbot.bot.conversations;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey of the demo: link the UK number by sharing the Telegram contact, then ask for the balance —
 * in Chinese and in English. Real bot, real Redis, simulator and Telegram emulator over HTTP.
 */
class LinkByContactTest {

    private static World world;
    private static DemoLine ukSim;

    @BeforeAll
    static void start() {
        world = World.start();
        world.startBot();
        ukSim = world.ukSim();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void weiLinksHisUkNumberBySharingHisContactAndSeesHisBalanceInChinese() {
        Customer wei = world.customerOwning(ukSim, "zh-hans");

        wei.says("/start");
        wei.hears("您好", "号码服务助手");
        BotMessage menu = wei.hears("请选择");
        assertThat(menu.buttons()).contains("💰 余额查询", "🔗 绑定号码");

        wei.tapsReply("🔗 绑定号码");
        wei.hears("分享我的手机号");
        wei.sharesOwnNumber();
        wei.hears("✅ 绑定成功", "+44 •••• " + ukSim.lastFour(), "实体 SIM 卡", "正常使用");
        wei.hears("接下来");

        wei.says("余额");
        BotMessage card = wei.hears("+44 •••• " + ukSim.lastFour(), "✅ 正常使用", "余额：£12.50",
                "流量 3.0 GB", "通话 120 分钟", "短信 50 条", "有效期至");
        assertThat(card.text()).containsPattern("还剩 4[45] 天");
        assertThat(card.buttons()).contains("💳 充值", "🔄 刷新", "⬅️ 返回");
    }

    @Test
    void theSameJourneyInEnglish() {
        Customer wei = world.customerOwning(ukSim, "en");

        wei.says("/start");
        wei.hears("Hello", "mobile number assistant");
        wei.hears("What would you like to do?");

        wei.tapsReply("🔗 Link a number");
        wei.hears("Share my phone number");
        wei.sharesOwnNumber();
        wei.hears("✅ Linked", "+44 •••• " + ukSim.lastFour(), "physical SIM", "active");
        wei.hears("What would you like to do next?");

        wei.says("what is my balance?");
        BotMessage card = wei.hears("Balance: £12.50", "Data 3.0 GB", "Voice 120 min", "SMS 50", "Valid until",
                "✅ Active");
        assertThat(card.text()).containsPattern("\\(4[45] days left\\)");
    }

    @Test
    void aContactSharedStraightAwayLinksWithoutOpeningTheMenuFirst() {
        Customer wei = world.customerOwning(ukSim, "en");

        wei.sharesContact(ukSim.asTelegramShares(), wei.id());
        wei.hears("✅ Linked", ukSim.lastFour());
    }

    @Test
    void someoneElsesContactProvesNothingAndIsRefused() {
        Customer mallory = world.newCustomer("Mallory", "en");

        mallory.says("/link");
        mallory.hears("Share my phone number");
        mallory.sharesContact(ukSim.asTelegramShares(), mallory.id() + 1);
        mallory.hears("Only your own Telegram number can be linked directly");
        mallory.sharesContact(ukSim.asTelegramShares(), 0);
        mallory.hears("Only your own Telegram number can be linked directly");

        mallory.says("balance");
        mallory.hears("not a valid phone number or ICCID");
        mallory.says("/cancel");
        mallory.hears("Cancelled");
        mallory.says("balance");
        mallory.hears("You haven't linked a number yet");
    }

    @Test
    void aTelegramNumberThatIsNotOneOfOursIsToldSo() {
        Customer stranger = world.newCustomer("Sam", "en");
        stranger.user().withPhoneNumber("447911123456");

        stranger.says("/link");
        stranger.hears("Share my phone number");
        stranger.sharesOwnNumber();
        stranger.hears("is not one of our numbers");
    }
}
