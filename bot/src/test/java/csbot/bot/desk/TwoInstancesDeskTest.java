package csbot.bot.desk;

import com.fasterxml.jackson.databind.JsonNode;
import csbot.bot.testing.AgentsGroup;
import csbot.bot.testing.AgentsGroup.Agent;
import csbot.bot.testing.Customer;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.bot.transport.WebhookController;
import csbot.emulator.BotMessage;
import csbot.emulator.BotMethod;
import csbot.emulator.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static csbot.bot.testing.AgentsGroup.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bot instances sharing one Redis work one ticket, and each of them gets every update: instance A polls, and
 * every update Telegram hands A is also POSTed at once to instance B's webhook (and again for as long as A has not
 * confirmed it), as a load balancer retrying on another instance would. Failure case covered: the same customer and
 * agent messages handled concurrently on two instances, some of them before the ticket's topic exists — each must
 * reach the other side exactly once.
 */
@DisplayName("Agent desk on two instances: every message of a ticket crosses exactly once, none lost, none doubled")
class TwoInstancesDeskTest {

    private static final String SECRET = "two-instances-secret";
    private static final int MESSAGES = 15;

    private static World world;
    private static AgentsGroup agents;
    private static Agent ann;
    private static final AtomicInteger copiesToB = new AtomicInteger();
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        agents = new AgentsGroup(world);
        ann = agents.agent("Ann");
        // each update reaches the gate several times here, and every arrival counts against the customer's rate
        // limit, which is not what this test is about
        a = world.startBot(AgentsGroup.botProperties("csbot.gate.user-updates=1000"));
        b = world.startBot(AgentsGroup.botProperties("csbot.telegram.mode=webhook",
                "csbot.telegram.webhook-secret=" + SECRET, "csbot.gate.user-updates=1000"));
        URI webhookOfB = URI.create("http://127.0.0.1:" + b.getEnvironment().getProperty("local.server.port")
                + WebhookController.PATH);
        HttpClient http = HttpClient.newHttpClient();
        BotMethod getUpdates = world.telegram.method("getUpdates").orElseThrow();
        world.telegram.registerMethod("getUpdates", call -> {
            JsonNode updates = getUpdates.handle(call);
            for (JsonNode update : updates) {
                copiesToB.incrementAndGet();
                http.sendAsync(HttpRequest.newBuilder(webhookOfB)
                        .header("Content-Type", "application/json")
                        .header(WebhookController.SECRET_HEADER, SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            return updates;
        });
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static long handled(ConfigurableApplicationContext bot) {
        return count(bot, "handled");
    }

    private static long count(ConfigurableApplicationContext bot, String outcome) {
        return (long) bot.getBean(MeterRegistry.class).counter("csbot.updates", "outcome", outcome).count();
    }

    @Test
    void bothInstancesHandleOneTicketsMessagesExactlyOnce() {
        Customer wei = world.newCustomer("Wei", "en");
        wei.says("/agent");
        long ticket = ticketIn(wei.hears("in the queue for a person"));
        List<String> fromCustomer = IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "customer message " + i).toList();
        fromCustomer.forEach(wei::says);  // most of them before the topic exists: held, then copied in

        Topic topic = agents.topicOf(ticket);
        assertThat(topic.nextMessage().text()).startsWith("🎫 Ticket #" + ticket);
        List<String> inTopic = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            inTopic.add(topic.nextMessage(Duration.ofSeconds(10)).text());
        }
        assertThat(inTopic).containsExactlyInAnyOrderElementsOf(fromCustomer);

        ann.says(topic, "/take");
        wei.hears("Ann from our support team");
        assertThat(topic.nextMessage().text()).contains("Ann took this ticket");
        List<String> fromAgent = IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "agent answer " + i).toList();
        fromAgent.forEach(text -> ann.says(topic, text));
        List<String> toCustomer = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            toCustomer.add(wei.nextMessage().text());
        }
        assertThat(toCustomer).containsExactlyInAnyOrderElementsOf(fromAgent);

        world.telegram.awaitIdle();
        wei.hearsNothingFor(Duration.ofSeconds(1));
        topic.expectNoMessage(Duration.ZERO);
        int updates = 2 * MESSAGES + 2;
        assertThat(copiesToB.get()).as("instance B got the updates too").isPositive();
        assertThat(handled(a) + handled(b)).as("each update handled once, by one instance or the other")
                .isEqualTo(updates);
        assertThat(count(b, "duplicate") + count(a, "duplicate")).as("and recognised on the other").isPositive();
        assertThat(world.telegram.calls("createForumTopic")).as("one topic for the ticket").hasSize(1);
    }
}
