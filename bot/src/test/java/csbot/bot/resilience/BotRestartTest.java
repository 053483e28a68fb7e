package csbot.bot.resilience;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static csbot.bot.testing.Observed.storedSession;
import static csbot.bot.testing.Observed.textsSentTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>the bot is restarted in the middle of a flow</b> (a deploy, a crash, a pod moved). The flow lives
 * in Redis, not in the instance: a new instance on the same Redis carries on at the step the customer was at, and a
 * message the customer typed while no instance was running is answered by the new one, once.
 */
@DisplayName("Bot restarted mid-flow: the new instance carries on where the old one stopped")
class BotRestartTest {

    private static World world;
    private static DemoLine ukSim;
    /** The instance running now; each test restarts it once. */
    private static ConfigurableApplicationContext bot;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot();
        ukSim = world.demoLine(l -> l.msisdn().startsWith("+44") && l.cardType().equals("SIM"));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("linking by SMS code: number typed to one instance, code typed to the next; then the balance")
    void theCodeIsTakenByTheNextInstance() {
        Customer wei = world.newCustomer("Wei", "en");

        wei.says("/link");
        wei.hears("Link a number");
        wei.says(ukSim.msisdn());
        wei.hears("We sent a code by SMS", ukSim.lastFour());
        String code = world.latestCode(ukSim.msisdn());
        assertThat(storedSession(world, wei.id())).as("the flow's step is in Redis, the code is not")
                .hasValueSatisfying(session -> assertThat(session).contains("link").doesNotContain(code));

        world.stopBot(bot);
        bot = world.startBot();

        wei.says(code);
        wei.hears("✅ Linked", ukSim.lastFour(), "physical SIM");
        wei.hears("What would you like to do next?");
        wei.says("balance");
        wei.hears("+44 •••• " + ukSim.lastFour(), "Balance: £12.50");
        assertThat(world.sim.sms(ukSim.msisdn())).as("codes texted to the line").hasSize(1);
    }

    @Test
    @DisplayName("the code typed while no instance runs is answered by the next one, exactly once")
    void aMessageTypedWhileNoBotRunsIsAnsweredOnceByTheNext() {
        DemoLine hkEsim = world.demoLine(l -> l.msisdn().startsWith("+852"));
        Customer mei = world.newCustomer("Mei", "zh-CN");

        mei.says("/link");
        mei.hears("绑定号码");
        mei.says(hkEsim.msisdn());
        mei.hears("验证码已通过短信发送到", hkEsim.lastFour());

        world.stopBot(bot);
        mei.says(world.latestCode(hkEsim.msisdn()));
        mei.hearsNothingFor(Duration.ofMillis(300));
        assertThat(world.telegram.pendingUpdateCount()).as("the code waits at Telegram").isEqualTo(1);

        bot = world.startBot();
        mei.hears("✅ 绑定成功", hkEsim.lastFour(), "eSIM");
        mei.hears("接下来");
        world.telegram.awaitIdle();
        mei.hearsNothingFor(Duration.ofMillis(300));
        assertThat(textsSentTo(world.telegram, mei.id())).as("everything Mei was sent").hasSize(4);
    }
}
