package csbot.bot.resilience;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.CallbackAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input: <b>forged or stale callback data</b>. Anyone can send any callback data with a tap (a modified
 * client), and old messages keep their buttons after their flow is over. Such a tap is answered with the "button
 * expired" notice and nothing else happens: no message, no backend call (no SMS), and the flow the customer is in
 * goes on undisturbed.
 */
@DisplayName("Forged or stale buttons: the \"expired\" notice and nothing else")
class StaleButtonTest {

    private static final Duration QUIET = Duration.ofMillis(400);

    private static World world;
    private static DemoLine ukSim;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        world.startBot();
        ukSim = world.demoLine(l -> l.msisdn().startsWith("+44") && l.cardType().equals("SIM"));
    }

    @BeforeEach
    void freshBackend() {
        world.sim.reset();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("forged data on the menu — garbage, an unknown flow, a made-up nonce — gets only the notice")
    void forgedDataGetsTheExpiredNoticeOnly() {
        Customer mallory = world.newCustomer("Mallory", "en");
        mallory.says("/menu");
        BotMessage menu = mallory.hears("What would you like to do?");

        for (String forged : new String[]{"garbage", "m:nosuchflow", "m:", "zzzzzz:link:resend", ":::",
                "zzzzzz:nosuchflow:go:1"}) {
            mallory.user().sendCallbackData(menu.messageId(), forged);
            assertExpiredNotice(mallory.toast(), "This button has expired");
            mallory.hearsNothingFor(QUIET);
        }
    }

    @Test
    @DisplayName("\"Send a new code\" from a cancelled link flow: the notice, no new SMS")
    void aButtonOfACancelledFlowIsExpired() {
        Customer wei = world.newCustomer("Wei", "zh-CN");
        wei.says("/link");
        wei.hears("绑定号码");
        wei.says(ukSim.msisdn());
        BotMessage codeSent = wei.hears("验证码已通过短信发送到");
        wei.says("/cancel");
        wei.hears("已取消");

        wei.tapsOn(codeSent, "🔁");
        assertExpiredNotice(wei.toast(), "这个按钮已过期");
        wei.hearsNothingFor(QUIET);
        assertThat(world.sim.sms(ukSim.msisdn())).as("codes texted").hasSize(1);
    }

    @Test
    @DisplayName("\"Send a new code\" after the line was linked (flow finished): the notice, no new SMS")
    void aButtonOfAFinishedFlowIsExpired() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("/link");
        sam.hears("Link a number");
        sam.says(ukSim.msisdn());
        BotMessage codeSent = sam.hears("We sent a code by SMS");
        sam.says(world.latestCode(ukSim.msisdn()));
        sam.hears("✅ Linked");
        sam.hears("What would you like to do next?");

        sam.tapsOn(codeSent, "Send a new code");
        assertExpiredNotice(sam.toast(), "This button has expired");
        sam.hearsNothingFor(QUIET);
        assertThat(world.sim.sms(ukSim.msisdn())).as("codes texted").hasSize(1);
    }

    @Test
    @DisplayName("forged taps in the middle of a flow do not disturb it: the code typed afterwards still links")
    void forgedTapsDoNotDisturbTheFlow() {
        Customer ann = world.newCustomer("Ann", "en");
        ann.says("/link");
        ann.hears("Link a number");
        ann.says(ukSim.msisdn());
        BotMessage codeSent = ann.hears("We sent a code by SMS");
        String nonce = codeSent.button("Send a new code").orElseThrow().callbackData().split(":")[0];

        ann.user().sendCallbackData(codeSent.messageId(), "garbage");
        assertExpiredNotice(ann.toast(), "This button has expired");
        ann.user().sendCallbackData(codeSent.messageId(), nonce + ":link:nosuchevent");
        assertExpiredNotice(ann.toast(), "This button has expired");
        ann.user().sendCallbackData(codeSent.messageId(), nonce + ":balance:pick:0");
        assertExpiredNotice(ann.toast(), "This button has expired");
        ann.hearsNothingFor(QUIET);

        ann.says(world.latestCode(ukSim.msisdn()));
        ann.hears("✅ Linked", ukSim.lastFour());
        assertThat(world.sim.sms(ukSim.msisdn())).as("codes texted").hasSize(1);
    }

    private static void assertExpiredNotice(CallbackAnswer answer, String notice) {
        assertThat(answer.text()).contains(notice);
        assertThat(answer.showAlert()).isTrue();
    }
}
