package csbot.bot.demo;

import csbot.bot.CsbotApplication;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;

/**
 * The real application started as the README's run command starts it — with no Telegram token, so it switches itself
 * to demo mode — but on free ports and under a Redis key prefix of its own, removed at the end. The Redis on
 * 127.0.0.1:6379 answers, so the demo uses it instead of starting an embedded one.
 * <p>
 * The demo tests share one ({@link #shared()}, in classes extended with {@link ClosedAtTheEnd}): starting the whole
 * application is most of their time.
 */
final class DemoApp implements AutoCloseable {

    static final String REDIS_URL = "redis://127.0.0.1:6379";
    private static DemoApp shared;

    final ConfigurableApplicationContext context;
    final int chatPort;
    final int simulatorPort;
    final String keyPrefix;

    private DemoApp(ConfigurableApplicationContext context, int chatPort, int simulatorPort, String keyPrefix) {
        this.context = context;
        this.chatPort = chatPort;
        this.simulatorPort = simulatorPort;
        this.keyPrefix = keyPrefix;
    }

    /** The demo application of this test run, started on first use. */
    static synchronized DemoApp shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Closes the shared demo application once every test of the run is done. */
    static final class ClosedAtTheEnd implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.create(DemoApp.class))
                    .getOrComputeIfAbsent("closer", key -> (ExtensionContext.Store.CloseableResource) DemoApp::closeShared);
        }
    }

    private static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    static DemoApp start() {
        int chatPort = freePort();
        int simulatorPort = freePort();
        String keyPrefix = "test:demo:" + UUID.randomUUID() + ":";
        // command-line arguments, as a person would pass them: builder "properties" are defaults, below application.yml
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CsbotApplication.class).run(
                "--csbot.telegram.token=",                      // no token, whatever this machine's environment says
                "--csbot.demo.chat-port=" + chatPort,
                "--csbot.demo.simulator-port=" + simulatorPort,
                "--server.port=0",
                "--csbot.redis.url=" + REDIS_URL,
                "--csbot.redis.key-prefix=" + keyPrefix,
                // as in World: replies do not wait on Telegram's 1 message/s per chat, which the sender's own test checks
                "--csbot.sender.per-chat-per-second=50",
                "--csbot.sender.per-chat-burst=10");
        return new DemoApp(context, chatPort, simulatorPort, keyPrefix);
    }

    /** The web chat, where the README sends a person. */
    URI chatUrl() {
        return URI.create("http://localhost:" + chatPort + "/");
    }

    /** The bot's own HTTP: actuator health and metrics. */
    URI botUrl() {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/");
    }

    /** Removes everything the bot stored (profiles, sessions, markers): it has never met anyone. */
    void forgetEveryone() {
        deleteKeys(REDIS_URL, keyPrefix);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            forgetEveryone();
        }
    }

    static void deleteKeys(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    connection.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
