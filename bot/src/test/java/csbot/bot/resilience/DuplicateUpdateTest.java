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

import static csbot.bot.testing.Observed.messagesSentTo;
import static csbot.bot.testing.Observed.updates;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>the same update delivered twice</b>. Telegram does this whenever the bot's confirmation got
 * lost — the bot crashed after handling an update but before its next getUpdates, or a webhook answer timed out.
 * The emulator's {@code redeliver(updateId)} replays the update with the same id and content. Each update must be
 * answered exactly once and have its effects exactly once (one SMS code, not two).
 */
@DisplayName("Duplicate update: the same update delivered twice is answered once")
class DuplicateUpdateTest {

    private static final Duration QUIET = Duration.ofMillis(400);

    private static World world;
    private static ConfigurableApplicationContext bot;
    private static DemoLine ukSim;

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
    @DisplayName("a /help delivered again after it was answered gets no second answer")
    void aRedeliveryAfterTheAnswerIsNotAnsweredAgain() {
        Customer ann = world.newCustomer("Ann", "en");
        double duplicatesBefore = updates(bot, "duplicate");

        long help = ann.says("/help");
        ann.hears("I can help you with:");

        world.telegram.redeliver(help);
        world.telegram.awaitIdle();
        ann.hearsNothingFor(QUIET);
        assertThat(messagesSentTo(world.telegram, ann.id())).as("sendMessage calls to Ann's chat").hasSize(1);
        assertThat(updates(bot, "duplicate")).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    @DisplayName("a typed number delivered again does not text a second code, and the flow goes on")
    void aRedeliveredNumberDoesNotSendASecondCode() {
        world.sim.reset();
        Customer wei = world.newCustomer("Wei", "zh-CN");

        wei.says("/link");
        wei.hears("绑定号码");
        long number = wei.says(ukSim.msisdn());
        wei.hears("验证码已通过短信发送到", ukSim.lastFour());
        assertThat(world.sim.sms(ukSim.msisdn())).hasSize(1);

        world.telegram.redeliver(number);
        world.telegram.awaitIdle();
        wei.hearsNothingFor(QUIET);
        assertThat(world.sim.sms(ukSim.msisdn())).as("SMS codes sent to the line").hasSize(1);

        wei.says(world.latestCode(ukSim.msisdn()));
        wei.hears("✅ 绑定成功", ukSim.lastFour());
        wei.hears("接下来");
    }

    @Test
    @DisplayName("a button tap delivered again is answered once")
    void aRedeliveredTapIsAnsweredOnce() {
        Customer bob = world.newCustomer("Bob", "en");
        bob.says("/menu");
        bob.hears("What would you like to do?");

        long tap = bob.taps("🔗 Link a number");
        bob.hears("Share my phone number");
        String callbackId = bob.toast().callbackQueryId();

        world.telegram.redeliver(tap);
        world.telegram.awaitIdle();
        bob.hearsNothingFor(QUIET);
        assertThat(messagesSentTo(world.telegram, bob.id())).as("sendMessage calls to Bob's chat").hasSize(2);
        assertThat(world.telegram.calls("answerCallbackQuery")).as("answers to Bob's one tap")
                .filteredOn(call -> call.param("callback_query_id").equals(callbackId))
                .hasSize(1);
    }

    @Test
    @DisplayName("both copies in the same getUpdates batch, handled side by side: still one answer")
    void twoCopiesInOneBatchAreAnsweredOnce() {
        world.stopBot(bot);
        Customer cai = world.newCustomer("Cai", "en");
        long help = cai.says("/help");
        world.telegram.redeliver(help);
        world.telegram.redeliver(help);
        assertThat(world.telegram.pendingUpdateCount()).isEqualTo(3);

        bot = world.startBot();
        cai.hears("I can help you with:");
        assertThat(world.telegram.calls("getUpdates")).as("a getUpdates answer with all three copies")
                .anyMatch(call -> call.ok() && call.result().size() == 3);
        world.telegram.awaitIdle();
        cai.hearsNothingFor(QUIET);
        assertThat(messagesSentTo(world.telegram, cai.id())).as("sendMessage calls to Cai's chat").hasSize(1);
        assertThat(updates(bot, "duplicate")).isEqualTo(2);
    }
}
