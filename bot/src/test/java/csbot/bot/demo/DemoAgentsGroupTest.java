package csbot.bot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's agents group next to the customer's chat: one person asks for a person as a demo customer, then plays the
 * agent in the group the page shows (its topics and composer, {@code agents.js}) — takes the ticket and answers, and
 * the customer's chat hears it. Through the page's own JSON API, as the page does.
 */
@Timeout(60)
@ExtendWith(DemoApp.ClosedAtTheEnd.class)
class DemoAgentsGroupTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DemoApp demo;
    private static WebChat page;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        demo = DemoApp.shared();
        page = new WebChat(demo.chatUrl());
    }

    @BeforeEach
    void theBotHasNeverMetAnyone() {
        demo.forgetEveryone();
        demo.restoreTheDemoLines();
    }

    @Test
    void onePersonAsksForAPersonAndAnswersAsTheAgentInTheGroupNextToTheChat() throws Exception {
        JsonNode settings = page.settings().get("settings");
        long group = settings.get("agentsGroupId").asLong();
        assertThat(group).as("the page is told the agents group").isNegative();
        assertThat(page.get("").body()).contains("<script src=\"agents.js\"></script>");
        assertThat(page.get("agents.js").body()).contains("/chat/api/topics", "/chat/api/topic");

        // the demo is shared by the demo tests and its ticket numbers start again when it forgets everyone: an
        // earlier test's topic may carry this ticket's number too
        Set<Integer> earlierTopics = topicIds(group);
        WebChat.Person wei = page.as(page.personas().get(0), "zh-CN");
        wei.says("人工");
        String ticket = wei.awaitMessage("人工客服队列", "工单 #").get("text").asText()
                .replaceAll("(?s).*工单 #(\\d+).*", "$1");

        int thread = newTopicNamed(group, "#" + ticket + " ", earlierTopics);
        JsonNode agent = JSON.createObjectNode().put("id", settings.get("agentId").asLong())
                .put("firstName", settings.get("agentName").asText()).put("languageCode", "en");
        postInTopic(agent, group, thread, "/take");
        wei.awaitMessage("客服 " + settings.get("agentName").asText() + " 已接入");
        postInTopic(agent, group, thread, "您好，我来帮您看看。");
        wei.awaitMessage("您好，我来帮您看看。");

        // the group's stream, as the page shows it: the agent's posts, and the bot's context card and notice (paced
        // at the group's 20 messages a minute)
        String events = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!events.contains("已接单") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            events = page.get("chat/api/events?chat=" + group + "&after=0&timeout=0").body();
        }
        assertThat(events).contains("工单 #" + ticket, "\"type\":\"memberPost\"", "/take", "已接单");
    }

    /** Waits for the bot to open the ticket's topic, as the page's topic list polls for it. */
    private Set<Integer> topicIds(long group) throws Exception {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode topic : JSON.readTree(page.get("chat/api/topics?chat=" + group).body()).get("topics")) {
            ids.add(topic.get("threadId").asInt());
        }
        return ids;
    }

    private int newTopicNamed(long group, String prefix, Set<Integer> earlier) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode topic : JSON.readTree(page.get("chat/api/topics?chat=" + group).body()).get("topics")) {
                if (topic.get("name").asText().startsWith(prefix)
                        && !earlier.contains(topic.get("threadId").asInt())) {
                    return topic.get("threadId").asInt();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no new topic " + prefix + " in the agents group");
    }

    private void postInTopic(JsonNode agent, long group, int thread, String text) throws Exception {
        String body = JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("user", agent)
                .put("chat", group).put("thread", thread).put("text", text).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(demo.chatUrl().resolve("chat/api/topic"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
