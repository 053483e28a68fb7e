package csbot.bot.desk;

import csbot.bot.testing.AgentsGroup;
import csbot.bot.testing.AgentsGroup.Agent;
import csbot.bot.testing.Customer;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.FakeUser;
import csbot.emulator.ForumGroup;
import csbot.emulator.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static csbot.bot.testing.AgentsGroup.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk outside business hours and on its clock: the customer is told when agents are back and may leave a
 * message; a waiting ticket nobody takes reminds the customer and pings the topic once; a taken ticket whose agent
 * stays silent goes back to the bot. Bad input: a non-member posting in a ticket's topic and anyone writing in another
 * group are ignored; the transcript export refuses a wrong token and shows numbers masked.
 */
@DisplayName("Agent desk: outside business hours, waiting reminder, agent silence, strangers ignored, transcript export")
class DeskHoursAndTimeoutsTest {

    /** Long enough that the other tests' tickets are taken or done before their reminder. */
    private static final Duration REMINDER = Duration.ofSeconds(5);
    private static final Duration SILENCE = Duration.ofSeconds(2);

    private static World world;
    private static AgentsGroup agents;
    private static Agent ann;
    private static ConfigurableApplicationContext bot;
    private static String opens;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        agents = new AgentsGroup(world);
        ann = agents.agent("Ann");
        // agents work one hour a day, starting two hours from now: it is outside business hours for the whole test
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        opens = now.plusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        bot = world.startBot(AgentsGroup.botProperties(
                "csbot.desk.opens=" + opens,
                "csbot.desk.closes=" + now.plusHours(3).format(DateTimeFormatter.ofPattern("HH:mm")),
                "csbot.desk.zone=UTC",
                "csbot.desk.waiting-reminder-after=" + REMINDER.toMillis() + "ms",
                "csbot.desk.agent-silence-timeout=" + SILENCE.toMillis() + "ms"));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("outside business hours: when agents are back, leave a message; it reaches the topic")
    void outsideBusinessHours() {
        Customer wei = world.newCustomer("Wei", "en");
        wei.says("/agent");
        BotMessage away = wei.hears("Our agents are away right now and back", opens + " (UTC)", "Leave your message");
        Topic topic = agents.topicOf(ticketIn(away));
        topic.nextMessage();

        wei.says("Please call me back about my bill");
        assertThat(topic.nextMessage().text()).isEqualTo("Please call me back about my bill");
    }

    @Test
    @DisplayName("a waiting ticket nobody takes: the customer is reminded and the topic pinged, once")
    void waitingTimeout() {
        Customer li = world.newCustomer("Li", "zh-CN");
        li.says("/agent");
        Topic topic = agents.topicOf(ticketIn(li.hears("工单")));
        topic.nextMessage();

        li.hears(REMINDER.plusSeconds(3), "抱歉让您久等");
        assertThat(topic.nextMessage(REMINDER.plusSeconds(3)).text()).contains("⏰ Waiting for", "nobody has taken it");
        li.hearsNothingFor(Duration.ofSeconds(1));
        topic.expectNoMessage(Duration.ZERO);
    }

    @Test
    @DisplayName("a taken ticket whose agent goes silent returns the customer to the bot")
    void agentSilenceReturnsToTheBot() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("/agent");
        long ticket = ticketIn(sam.hears("Leave your message"));
        Topic topic = agents.topicOf(ticket);
        topic.nextMessage();
        ann.says(topic, "/take");
        sam.hears("Ann from our support team");
        topic.nextMessage();

        sam.hears(SILENCE.plusSeconds(3), "couldn't continue the conversation", "/agent");
        assertThat(topic.nextMessage(Duration.ofSeconds(3)).text()).contains("handed back to the bot");

        sam.says("balance");
        sam.hears("You haven't linked a number yet");
        topic.expectNoMessage(Duration.ofMillis(300));
    }

    @Test
    @DisplayName("a non-member in the agents group and anyone in another group are ignored")
    void strangersAreIgnored() {
        Customer kim = world.newCustomer("Kim", "en");
        kim.says("/agent");
        Topic topic = agents.topicOf(ticketIn(kim.hears("Leave your message")));
        topic.nextMessage();

        Agent eve = agents.stranger("Eve");
        eve.says(topic, "Send me your PUK code");
        eve.says(topic, "/close");
        kim.hearsNothingFor(Duration.ofMillis(500));
        topic.expectNoMessage(Duration.ZERO);

        ForumGroup other = world.telegram.forumGroup(-1009999999999L, "Some other group");
        FakeUser bob = world.telegram.user(ann.user().id() + 50_000, "Bob", "en");
        other.addMember(bob);
        world.telegram.clearCalls();
        bob.postIn(otherTopic(other), "/agent");
        world.telegram.awaitIdle();
        assertThat(world.telegram.calls()).as("nothing sent anywhere for a message in another group")
                .noneMatch(call -> call.method().startsWith("send") || call.method().equals("createForumTopic")
                        || call.method().equals("copyMessage"));

        ann.says(topic, "Hi Kim, how can I help?");
        kim.hears("Ann from our support team");
        kim.hears("Hi Kim, how can I help?");
    }

    @Test
    @DisplayName("the operator exports a ticket's transcript with numbers masked; a wrong token is refused")
    void transcriptExport() throws Exception {
        Customer mei = world.newCustomer("Mei", "en");
        mei.says("/agent");
        long ticket = ticketIn(mei.hears("Leave your message"));
        Topic topic = agents.topicOf(ticket);
        topic.nextMessage();
        mei.says("My number is +85251234567 and my code 482913");
        topic.nextMessage();
        ann.says(topic, "/note checked the line");
        ann.says(topic, "Thanks, looking now");
        mei.hears("Ann from our support team");
        mei.hears("Thanks, looking now");

        HttpResponse<String> export = export(ticket, "Bearer operator-secret");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("customer: My number is +852 •••• 4567 and my code ••••••",
                "note Ann: checked the line", "agent Ann: Thanks, looking now")
                .doesNotContain("51234567", "482913");
        assertThat(export(ticket, "Bearer guess").statusCode()).isEqualTo(401);
        assertThat(export(ticket, null).statusCode()).isEqualTo(401);
        assertThat(export(999_999, "Bearer operator-secret").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> export(long ticket, String authorization) throws Exception {
        String port = bot.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/desk/tickets/" + ticket + "/transcript")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A topic of another group, opened as its members would (not by our bot). */
    private static Topic otherTopic(ForumGroup group) {
        return group.openTopic("chit-chat");
    }
}
