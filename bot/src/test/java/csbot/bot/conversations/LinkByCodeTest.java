package csbot.bot.conversations;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static csbot.bot.testing.Journeys.asksForACodeFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Linking a line that is not the customer's Telegram number: typed number or ICCID, then the code the simulator
 * texts to the line. Covers malformed numbers, an ICCID typo, an unknown number, a wrong code, an expired code,
 * too many wrong codes (cool-down) — each answered clearly, nothing linked that was not proved.
 */
class LinkByCodeTest {

    private static World world;
    private static DemoLine ukSim;
    private static DemoLine hkEsim;

    @BeforeAll
    static void start() {
        world = World.start();
        world.startBot();
        ukSim = world.ukSim();
        hkEsim = world.hkEsim();
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
    void typedNumberThenWrongCodeThenTheRightOne() {
        Customer wei = world.newCustomer("Wei", "zh-CN");

        wei.says("/link");
        wei.hears("绑定号码");
        wei.says("+44 7400 123 123");
        wei.hears("验证码已通过短信发送到", ukSim.lastFour(), "请勿把验证码告诉任何人");
        String code = world.latestCode(ukSim.msisdn());

        wei.says(code.equals("000000") ? "111111" : "000000");
        wei.hears("验证码不正确", "还可以再试 4 次");
        wei.says(code);
        wei.hears("✅ 绑定成功", ukSim.lastFour());
        wei.hears("接下来");

        wei.says("余额");
        wei.hears("余额：£12.50");
    }

    @Test
    void anIccidFromTheCardWorksToo() {
        Customer mei = world.newCustomer("Mei", "en");

        mei.says("/link");
        mei.hears("Link a number");
        mei.says(hkEsim.iccid());
        mei.hears("We sent a code by SMS", hkEsim.lastFour());
        mei.says(world.latestCode(hkEsim.msisdn()));
        mei.hears("✅ Linked", hkEsim.lastFour(), "eSIM");
    }

    @Test
    void malformedInputGetsAClearAnswerAndTheStepWaits() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("/link");
        sam.hears("Link a number");

        sam.says("my number is seven");
        sam.hears("not a valid phone number or ICCID", "+44 7911 123456");
        sam.says("07400 123123");
        sam.hears("not a valid phone number or ICCID");

        String typo = hkEsim.iccid().substring(0, 10)
                + (char) ('0' + (hkEsim.iccid().charAt(10) - '0' + 1) % 10) + hkEsim.iccid().substring(11);
        sam.says(typo);
        sam.hears("check digit doesn't match");

        sam.says("+44 7911 123456");
        sam.hears("couldn't find a line with this number");

        sam.says(ukSim.msisdn());
        sam.hears("We sent a code");
        sam.says("12ab");
        sam.hears("Please type the 6-digit code");
        assertThat(world.sim.sms(ukSim.msisdn())).as("a malformed code is not even sent to the backend").hasSize(1);
    }

    @Test
    void anExpiredCodeIsRefusedAndANewOneWorks() {
        Customer wei = world.newCustomer("Wei", "en");
        asksForACodeFor(wei, ukSim);
        String stale = world.latestCode(ukSim.msisdn());

        world.sim.clock().advance(Duration.ofMinutes(6));
        wei.says(stale);
        wei.hears("This code has expired");
        wei.taps("Send a new code");
        wei.hears("We sent a code");
        String fresh = world.latestCode(ukSim.msisdn());
        assertThat(world.sim.sms(ukSim.msisdn())).hasSize(2);

        wei.says(fresh);
        wei.hears("✅ Linked");
    }

    @Test
    void fiveWrongCodesPauseLinkingForACoolDown() {
        Customer mallory = world.newCustomer("Mallory", "en");
        asksForACodeFor(mallory, ukSim);
        String code = world.latestCode(ukSim.msisdn());
        String wrong = code.equals("123456") ? "654321" : "123456";

        for (int left = 4; left >= 1; left--) {
            mallory.says(wrong);
            mallory.hears("That code is not right", "You have " + left + " more tries");
        }
        mallory.says(wrong);
        mallory.hears("Too many wrong codes", "paused for 15 minutes");

        mallory.says(code);
        mallory.hears("Sorry, I didn't understand");

        mallory.says("/link");
        mallory.hears("Linking is paused after too many wrong codes", "15 minutes");
        mallory.says("balance");
        mallory.hears("You haven't linked a number yet");
        mallory.hears("Linking is paused");
    }

    @Test
    void theSameNumberTwiceIsAlreadyLinked() {
        Customer wei = world.customerOwning(ukSim, "en");
        wei.sharesContact(ukSim.asTelegramShares(), wei.id());
        wei.hears("✅ Linked");
        wei.hears("What would you like to do next?");

        wei.says("/link");
        wei.hears("Link a number");
        wei.says(ukSim.msisdn());
        wei.hears("is already linked to your account");
        assertThat(world.sim.sms(ukSim.msisdn())).as("no code sent for a line already linked").isEmpty();
    }
}
