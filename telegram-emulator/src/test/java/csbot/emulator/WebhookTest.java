package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook delivery to a receiver over real HTTP. */
class WebhookTest {

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final Map<Long, AtomicInteger> inFlightPerChat = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private HttpServer receiver;
    private TelegramEmulator telegram;
    private TelegramClient bot;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            JsonNode update = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            long chat = update.path("message").path("chat").path("id").asLong();
            if (inFlightPerChat.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pause(30);
            boolean fail = failuresToGo.getAndDecrement() > 0;
            if (!fail) {
                received.add(update);
                secrets.add(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"));
            }
            inFlight.decrementAndGet();
            inFlightPerChat.get(chat).decrementAndGet();
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
        telegram = TelegramEmulator.start();
        bot = BotClients.clientFor(telegram);
    }

    @AfterEach
    void stop() {
        telegram.close();
        receiver.stop(0);
    }

    @Test
    void updatesArePostedWithTheSecretAndRetriedUntilAccepted() throws Exception {
        failuresToGo.set(2);
        bot.execute(SetWebhook.builder().url(hookUrl()).secretToken("s3cret_token").maxConnections(4).build());

        long hello = telegram.user(1, "Ann", "en").sendText("hello");
        telegram.awaitIdle(Duration.ofSeconds(5));

        assertThat(received).extracting(u -> u.get("update_id").asLong()).containsExactly(hello);
        assertThat(secrets).containsExactly("s3cret_token");
        assertThat(bot.execute(new GetWebhookInfo()).getPendingUpdatesCount()).isZero();
        assertThat(bot.execute(new GetWebhookInfo()).getLastErrorMessage()).contains("500");
    }

    @Test
    void chatsGoInParallelButEachChatInOrder() throws Exception {
        bot.execute(SetWebhook.builder().url(hookUrl()).maxConnections(4).build());
        for (int i = 0; i < 5; i++) {
            for (long user = 1; user <= 4; user++) {
                telegram.user(user, "U" + user, "en").sendText("message " + i);
            }
        }
        telegram.awaitIdle(Duration.ofSeconds(10));

        assertThat(received).hasSize(20);
        assertThat(overlaps.get()).as("two updates of one chat at once").isZero();
        assertThat(maxInFlight.get()).isBetween(2, 4);
        for (long user = 1; user <= 4; user++) {
            long chat = user;
            assertThat(received.stream().filter(u -> u.at("/message/chat/id").asLong() == chat)
                    .map(u -> u.at("/message/text").asText()))
                    .containsExactly("message 0", "message 1", "message 2", "message 3", "message 4");
        }
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
