package csbot.bot.demo;

import csbot.bot.testing.Observed;
import csbot.bot.testing.World;

import csbot.bot.CsbotApplication;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    static final String REDIS_URL = World.REDIS_URL;
    private static DemoApp shared;

    final ConfigurableApplicationContext context;
    final int chatPort;
    final int simulatorPort;
    final String keyPrefix;
    /** The demo customers' lines as the simulator seeded them, before any test topped one up. */
    private final List<JsonNode> seededLines;

    private DemoApp(ConfigurableApplicationContext context, int chatPort, int simulatorPort, String keyPrefix) {
        this.context = context;
        this.chatPort = chatPort;
        this.simulatorPort = simulatorPort;
        this.keyPrefix = keyPrefix;
        this.seededLines = new WebChat(chatUrl()).personas();
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
        int chatPort = Observed.freePort();
        int simulatorPort = Observed.freePort();
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
        World.deleteKeys(REDIS_URL, keyPrefix);
    }

    /**
     * Puts every demo line back as it was seeded (status, balance, expiry), through the simulator's admin API: a
     * top-up in one test does not change the balance the next one reads. (Not {@code /sim/admin/reset}: that would
     * also drop the bot's subscription to the simulator's events.)
     */
    void restoreTheDemoLines() {
        HttpClient http = HttpClient.newHttpClient();
        for (JsonNode line : seededLines) {
            ObjectNode change = ((ObjectNode) line.deepCopy()).retain("msisdn", "status", "balance", "expiresAt");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort + "/sim/admin/lines"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(change.toString(), StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("POST /sim/admin/lines answered " + answer.statusCode() + " "
                            + answer.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            forgetEveryone();
        }
    }

}
