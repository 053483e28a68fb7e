package csbot.bot.conversations;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static csbot.bot.testing.Journeys.asksForACodeFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that work everywhere (/cancel, /menu, /help, /language), stale buttons, free text routed by keywords
 * in both languages or answered from the FAQ, and the "three misses" rule that offers a human.
 */
class CommandsAndFreeTextTest {

    private static World world;
    private static DemoLine ukSim;

    @BeforeAll
    static void start() {
        world = World.start();
        world.startBot("csbot.dialog.session-idle-timeout=2s");
        ukSim = world.ukSim();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void cancelMidFlowEndsItAndTheCodeStepIsGone() {
        Customer wei = world.newCustomer("Wei", "en");
        wei.says("/link");
        wei.hears("Link a number");
        wei.says(ukSim.msisdn());
        BotMessage codePrompt = wei.hears("We sent a code");

        wei.says("/cancel");
        BotMessage cancelled = wei.hears("Cancelled");
        assertThat(cancelled.replyKeyboard().labels()).as("the main keyboard is back").contains("💰 Balance");

        wei.says(world.latestCode(ukSim.msisdn()));
        wei.hears("Sorry, I didn't understand");

        wei.tapsOn(codePrompt, "Send a new code");
        assertThat(wei.toast().text()).as("a button of the cancelled flow").contains("This button has expired");
        wei.hearsNothingFor(Duration.ofMillis(300));
    }

    @Test
    void theCancelKeyOfTheKeyboardCancelsToo() {
        Customer wei = world.newCustomer("Wei", "zh-CN");
        wei.says("/link");
        wei.hears("绑定号码");
        wei.tapsReply("❌ 取消");
        wei.hears("已取消");

        wei.says("/cancel");
        wei.hears("当前没有进行中的操作");
    }

    @Test
    void menuMidFlowAbandonsTheFlowAndShowsTheMenu() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("/link");
        sam.hears("Link a number");
        sam.says("/menu");
        BotMessage menu = sam.hears("What would you like to do?");
        sam.tapsOn(menu, "💰 Balance");
        sam.hears("You haven't linked a number yet");
    }

    @Test
    void helpListsWhatTheBotCanDoAndWarnsAboutCodes() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("/help");
        sam.hears("/balance", "/link", "/language", "/cancel", "never ask you for a verification code");
        sam.says("/start");
        sam.hears("Hello Sam");
        sam.hears("What would you like to do?");
        sam.tapsReply("❓ Help");
        sam.hears("/balance");
    }

    @Test
    void freeTextIsRoutedByKeywordsInBothLanguagesOrAnsweredFromTheFaq() {
        Customer mei = world.newCustomer("Mei", "zh-CN");
        mei.says("我想查一下余额");
        mei.hears("您还没有绑定号码");
        mei.hears("绑定号码");
        mei.says("/cancel");
        mei.hears("已取消");

        mei.says("怎么充值？");
        mei.hears("您还没有绑定号码");
        mei.hears("绑定号码");
        mei.says("/cancel");
        mei.hears("已取消");
        mei.says("客服几点上班");
        mei.hears("客服热线", "服务时间");
        mei.says("我的卡丢了");
        mei.hears("您还没有绑定号码"); // the reissue flow took over from the FAQ; it needs a linked line first
        mei.hears("绑定号码");
        mei.says("/cancel");
        mei.hears("已取消");
        mei.says("转人工");
        mei.hears("客服热线");

        Customer sam = world.newCustomer("Sam", "en");
        sam.says("What are your opening hours?");
        sam.hears("Our hotline", "is open");
        sam.says("How do I keep my number?");
        sam.hears("recycled");
        sam.says("I want to talk to a human");
        sam.hears("hotline");
    }

    @Test
    void threeMisunderstoodMessagesInARowOfferAHuman() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("asdf");
        BotMessage first = sam.hears("Sorry, I didn't understand");
        assertThat(first.text()).doesNotContain("hotline");
        sam.says("qwerty");
        sam.hears("Sorry, I didn't understand");
        sam.says("zxcv");
        sam.hears("Sorry, I didn't understand", "talk to a person", "hotline");

        sam.says("/frobnicate");
        sam.hears("I don't know that command");
    }

    @Test
    void aPictureGetsAClearAnswer() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.user().sendPhoto(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "my bill");
        sam.hears("can't read pictures");
    }

    @Test
    void languageCanBeChosenAndIsKeptOverTheTelegramClientLanguage() {
        Customer wei = world.newCustomer("Wei", "zh-CN");
        wei.says("/language");
        BotMessage chooser = wei.hears("Please choose your language");
        wei.tapsOn(chooser, "English");
        wei.hears("Language set to English");
        BotMessage keyboard = wei.hears("What would you like to do?");
        assertThat(keyboard.replyKeyboard().labels()).contains("💰 Balance", "❓ Help");

        wei.says("/help");
        wei.hears("I can help you with");

        wei.tapsReply("Language");
        wei.hears("Please choose your language");
        wei.taps("简体中文");
        wei.hears("已切换为简体中文");
        wei.hears("请选择您要办理的业务");
    }

    @Test
    void aFlowLeftAloneTimesOutAndTheCustomerIsToldSo() throws InterruptedException {
        Customer wei = world.newCustomer("Wei", "en");
        asksForACodeFor(wei, ukSim);

        Thread.sleep(2_500); // the idle timeout is 2 s for this bot
        wei.says(world.latestCode(ukSim.msisdn()));
        wei.hears("timed out");
        wei.hears("Sorry, I didn't understand");
    }
}
