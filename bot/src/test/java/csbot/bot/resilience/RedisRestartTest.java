package csbot.bot.resilience;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.Observed;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static csbot.bot.testing.Observed.textsSentTo;
import static csbot.bot.testing.Observed.updates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failure case: <b>Redis restarts</b> while the bot runs. This test has a Redis of its own (embedded, on a free
 * port, append-only file in a temporary directory so the data survives the restart). A customer asks for the
 * balance while Redis is down: the bot cannot take the chat lock, so it does not confirm the update to Telegram.
 * When Redis is back the bot — not restarted — reconnects by itself, gets the same update again and answers it,
 * once.
 */
@DisplayName("Redis restarted: the message sent while it was down is answered once it is back, without a bot restart")
class RedisRestartTest {

    private World world;
    private Path dataDir;
    private int port;
    private RedisServer redis;

    @BeforeEach
    void start() throws IOException {
        WarmUp.once();
        world = World.start();
        dataDir = Files.createTempDirectory("csbot-redis-restart");
        port = Observed.freePort();
        redis = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("appendonly yes")
                .setting("dir " + dataDir)
                .build();
        redis.start();
    }

    @AfterEach
    void stop() throws IOException {
        try {
            world.close();
        } finally {
            try {
                if (redis != null && redis.isActive()) {
                    redis.stop();
                }
            } finally {
                deleteDataDir();
            }
        }
    }

    private void deleteDataDir() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    @DisplayName("余额 sent while Redis is down is answered when Redis is back, with the linked line still there")
    void theMessageSentDuringTheOutageIsAnsweredAfterIt() throws IOException {
        DemoLine ukSim = world.demoLine(l -> l.msisdn().startsWith("+44") && l.cardType().equals("SIM"));
        ConfigurableApplicationContext bot = world.startBot("csbot.redis.url=redis://127.0.0.1:" + port);
        Customer wei = world.customerOwning(ukSim, "zh-CN");
        wei.sharesContact(ukSim.asTelegramShares(), wei.id());
        wei.hears("✅ 绑定成功", ukSim.lastFour());
        wei.hears("接下来");
        double handledBefore = updates(bot, "handled");

        redis.stop();
        wei.says("余额");
        await("the bot putting 余额 off for later").atMost(Duration.ofSeconds(10))
                .until(() -> updates(bot, "retry_later") > 0);
        wei.hearsNothingFor(Duration.ofMillis(500));
        assertThat(world.telegram.pendingUpdateCount()).as("余额 is not confirmed to Telegram").isEqualTo(1);

        redis.start();
        wei.hears(Duration.ofSeconds(15), "+44 •••• " + ukSim.lastFour(), "余额：£12.50");
        world.telegram.awaitIdle();
        wei.hearsNothingFor(Duration.ofMillis(500));
        assertThat(textsSentTo(world.telegram, wei.id())).as("everything Wei was sent")
                .hasSize(3)
                .last().asString().contains("余额：£12.50");
        assertThat(updates(bot, "handled")).as("updates handled since the outage").isEqualTo(handledBefore + 1);
    }
}
