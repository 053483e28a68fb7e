package csbot.bot.resilience;

import csbot.bot.testing.Customer;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static csbot.bot.testing.Observed.textsSentTo;
import static csbot.bot.testing.Observed.updates;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input: <b>a customer flooding the bot</b> (a stuck key, a script, an angry customer). With 20 updates allowed
 * per user and window, the first 20 are answered, the 21st gets ONE "too fast" notice, the rest are dropped without
 * a word — and confirmed to Telegram, not retried. Another customer writing at the same time is not affected.
 */
@DisplayName("Per-user rate limit: a flood gets 20 answers, one notice, the rest dropped; others unaffected")
class UserRateLimitTest {

    private static World world;
    private static ConfigurableApplicationContext bot;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot("csbot.gate.user-updates=20", "csbot.gate.user-window=30s");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("25 messages at once: 20 answered, then one \"too fast\", 4 dropped; Bob, meanwhile, is answered")
    void aFloodIsCutOffWithOneNotice() {
        Customer flood = world.newCustomer("Flo", "zh-CN");
        Customer bob = world.newCustomer("Bob", "en");

        for (int i = 1; i <= 25; i++) {
            flood.says(i % 2 == 0 ? "营业时间" : "/help");
            if (i == 12) {
                bob.says("opening hours");
            }
        }
        bob.hears("Our hotline", "is open");

        for (int i = 1; i <= 20; i++) {
            flood.hears(Duration.ofSeconds(10), i % 2 == 0 ? "客服热线" : "我可以帮您");
        }
        flood.hears("您发送消息太快了");
        world.telegram.awaitIdle();
        flood.hearsNothingFor(Duration.ofMillis(500));

        List<String> sent = textsSentTo(world.telegram, flood.id());
        assertThat(sent).hasSize(21);
        assertThat(sent).filteredOn(text -> text.contains("太快")).hasSize(1);
        assertThat(updates(bot, "rate_limited")).isEqualTo(5);
        assertThat(world.telegram.pendingUpdateCount()).as("dropped updates are confirmed, not retried").isZero();

        bob.says("/help");
        bob.hears("I can help you with:");
    }

    @Test
    @DisplayName("a button tapped over the limit is still answered, so it does not keep spinning")
    void aTapOverTheLimitIsAnsweredAnyway() {
        Customer flood = world.newCustomer("Flo", "en");
        flood.says("/start");
        flood.hears("Hello");
        flood.hears("What would you like to do?");
        for (int i = 0; i < 19; i++) {
            flood.says("/help");
        }
        world.telegram.awaitIdle();

        flood.taps("💰 Balance");
        assertThat(flood.toast().text()).contains("too fast");
    }
}
