package csbot.bot.conversations;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.World;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.Journeys.linksByCode;
import csbot.emulator.BotMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Balance and expiry: one line shows at once, several lines are picked from buttons that name the customer's own
 * lines by position only; the card edits in place; a low or expiring line warns, a suspended one says what to do.
 */
class BalanceTest {

    private static World world;
    private static DemoLine ukSim;
    private static DemoLine ukEsim;
    private static DemoLine hkEsim;
    private static DemoLine cnSuspended;

    @BeforeAll
    static void start() {
        world = World.start();
        world.startBot();
        ukSim = world.ukSim();
        ukEsim = world.ukEsim();
        hkEsim = world.hkEsim();
        cnSuspended = world.cnSuspended();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void freshBackend() {
        world.sim.reset();
    }

    @Test
    void withOneLineTheCardShowsAtOnce() {
        Customer wei = linkedByContact(world, ukSim, "en");

        wei.says("balance");
        BotMessage card = wei.hears("+44 •••• " + ukSim.lastFour(), "✅ Active", "Balance: £12.50", "Valid until");
        assertThat(card.buttons()).containsExactly("💳 Top up", "🔄 Refresh", "⬅️ Back");
    }

    @Test
    void withTwoLinesTheCustomerPicksAndCanSwitch() {
        Customer wei = linkedByContact(world, ukSim, "en");
        linksByCode(world, wei, ukEsim);

        wei.says("/balance");
        BotMessage picker = wei.hears("Which number would you like to check?");
        assertThat(picker.buttons()).containsExactly("📱 +44 •••• " + ukSim.lastFour(),
                "📱 +44 •••• " + ukEsim.lastFour(), "⬅️ Back");

        wei.tapsOn(picker, ukEsim.lastFour());
        BotMessage esimCard = wei.hears("Balance: £30.00", ukEsim.lastFour());
        assertThat(esimCard.edited()).as("the picker turns into the card").isTrue();
        assertThat(esimCard.messageId()).isEqualTo(picker.messageId());
        assertThat(esimCard.buttons()).contains("📱 Other number");

        wei.taps("📱 Other number");
        wei.hears("Which number would you like to check?");
        wei.taps(ukSim.lastFour());
        wei.hears("Balance: £12.50");

        wei.taps("🔄 Refresh");
        assertThat(wei.toast().text()).contains("Up to date");
        wei.taps("⬅️ Back");
        BotMessage menu = wei.hears("What would you like to do?");
        assertThat(menu.buttons()).contains("💰 Balance", "🔗 Link a number");
    }

    @Test
    void aPickButtonCanOnlyNameTheCustomersOwnLines() {
        Customer wei = linkedByContact(world, ukSim, "en");
        linksByCode(world, wei, ukEsim);
        wei.says("/balance");
        BotMessage picker = wei.hears("Which number");
        String pickSecond = picker.button(ukEsim.lastFour()).orElseThrow().callbackData();

        // a forged button naming a position past the customer's own lines
        wei.sendsCallbackData(picker, pickSecond.substring(0, pickSecond.lastIndexOf(':')) + ":7");
        assertThat(wei.toast().text()).contains("This button has expired");
        wei.hearsNothingFor(java.time.Duration.ofMillis(300));
    }

    @Test
    void aLowBalanceLineAboutToExpireWarnsInChinese() {
        Customer mei = linkedByContact(world, hkEsim, "zh-CN");

        mei.says("查一下话费");
        BotMessage card = mei.hears("余额：HK$8.00", "号码即将到期", "充值");
        assertThat(card.text()).containsPattern("还剩 [56] 天");
    }

    @Test
    void aSuspendedLineSaysWhatToDo() {
        Customer li = linkedByContact(world, cnSuspended, "zh-CN");

        li.says("余额");
        li.hears("⛔ 已停机", "余额：¥20.00", "该号码目前已停机", "客服热线");
    }

    @Test
    void balanceWithoutALinkedLineLinksOneFirstThenShowsIt() {
        Customer wei = world.customerOwning(ukSim, "en");

        wei.says("balance");
        wei.hears("You haven't linked a number yet");
        wei.hears("Share my phone number");
        wei.sharesOwnNumber();
        wei.hears("✅ Linked");
        wei.hears("Balance: £12.50");
    }

    @Test
    void theTopUpButtonOpensTheTopUpOfThatVeryLine() {
        Customer wei = linkedByContact(world, ukSim, "en");
        linksByCode(world, wei, ukEsim);
        wei.says("balance");
        wei.hears("Which number");
        wei.taps(ukEsim.lastFour());
        wei.hears("Balance: £30.00");

        wei.taps("💳 Top up");
        wei.hears("Top up +44 •••• " + ukEsim.lastFour(), "Choose an amount");
    }
}
