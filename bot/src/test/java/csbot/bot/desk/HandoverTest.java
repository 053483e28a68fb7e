package csbot.bot.desk;

import csbot.bot.testing.AgentsGroup;
import csbot.bot.testing.AgentsGroup.Agent;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.Topic;
import csbot.bot.testing.TopUps;
import csbot.sim.FaultPlan;
import csbot.sim.OutcomePlan;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static csbot.bot.testing.AgentsGroup.ticketIn;
import static csbot.bot.testing.Journeys.linkedByContact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handing a customer over to a person, with both parties on the fake Bot API: the customer's private chat and the
 * agents group's ticket topic. Covers the four triggers (/agent, a keyword, three misunderstood messages, a backend
 * failure), the context card, relay of text and a photo both ways, /note, /take, /close and the rating with its
 * comment, and customer /cancel while waiting.
 */
@DisplayName("Agent desk: handover triggers, context card, relay both ways, notes, take, close, rating, cancel")
class HandoverTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};

    private static World world;
    private static AgentsGroup agents;
    private static Agent ann;
    private static DemoLine ukSim;
    private static ConfigurableApplicationContext bot;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        agents = new AgentsGroup(world);
        ann = agents.agent("Ann");
        bot = world.startBot(AgentsGroup.botProperties());
        ukSim = world.ukSim();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String masked(DemoLine line) {
        return "+44 •••• " + line.lastFour();
    }

    @Test
    @DisplayName("/agent: the customer is queued, agents get a topic with the context card, and they talk both ways")
    void byCommandWithTheWholeConversation() {
        Customer wei = linkedByContact(world, ukSim, "en");
        wei.says("balance");
        wei.hears("£12.50");

        wei.says("/agent");
        BotMessage queued = wei.hears("in the queue for a person", "you are number", "in line", "agents are online now");
        long ticket = ticketIn(queued);

        Topic topic = agents.topicOf(ticket);
        assertThat(topic.name()).isEqualTo("#" + ticket + " " + wei.user().firstName() + " " + masked(ukSim));
        BotMessage card = topic.nextMessage();
        assertThat(card.text()).contains("Ticket #" + ticket, "Reason: asked for a person", "Language: en",
                "Was in: 💰 Balance / SHOWN", masked(ukSim), "Active", "£12.50", "👤 balance", "🤖")
                .doesNotContain(ukSim.msisdn());

        wei.says("My data stopped working, number " + ukSim.msisdn());
        BotMessage relayed = topic.nextMessage();
        assertThat(relayed.text()).isEqualTo("My data stopped working, number " + ukSim.msisdn());
        wei.user().sendPhoto(JPEG, "screenshot");
        BotMessage photo = topic.nextMessage();
        assertThat(photo.photo()).isEqualTo(JPEG);
        assertThat(photo.text()).isEqualTo("screenshot");
        wei.user().sendDocument(new byte[]{'%', 'P', 'D', 'F'}, "bill.pdf", "application/pdf");
        assertThat(topic.nextMessage().media().fileName()).as("a document too").isEqualTo("bill.pdf");
        wei.user().sendVoice(new byte[]{'O', 'g', 'g', 'S'}, 3);
        assertThat(topic.nextMessage().telegram().path("voice").path("duration").asInt()).as("a voice message").isEqualTo(3);
        wei.user().sendSticker("👍");
        assertThat(topic.nextMessage().telegram().path("sticker").path("emoji").asText()).as("a sticker").isEqualTo("👍");
        wei.hearsNothingFor(Duration.ofMillis(300));

        ann.says(topic, "/take");
        wei.hears("Ann from our support team");
        assertThat(topic.nextMessage().text()).contains("Ann took this ticket");

        ann.says(topic, "/note customer sounds upset, check roaming");
        ann.says(topic, "Please restart your phone.");
        assertThat(wei.hears("Please restart your phone.").text())
                .as("the note never reaches the customer").doesNotContain("upset");
        ann.sendsPhoto(topic, JPEG, "APN settings");
        BotMessage fromAgent = wei.nextMessage();
        assertThat(fromAgent.photo()).isEqualTo(JPEG);
        assertThat(fromAgent.text()).isEqualTo("APN settings");

        ann.says(topic, "/close");
        BotMessage rating = wei.hears("is closed", "#" + ticket, "How did we do?");
        assertThat(rating.buttons()).containsExactly("1⭐", "2⭐", "3⭐", "4⭐", "5⭐");
        assertThat(topic.nextMessage().text()).contains("Closed by Ann");

        wei.tapsOn(rating, "4⭐");
        wei.hears("Thank you for the ⭐⭐⭐⭐");
        assertThat(topic.nextMessage().text()).contains("Rating: ⭐⭐⭐⭐ (4/5)");
        wei.says("Quick and kind, thanks");
        wei.hears("your comment was passed on");
        assertThat(topic.nextMessage().text()).contains("Customer's comment: Quick and kind, thanks");

        wei.says("balance");
        wei.hears("£12.50");

        MeterRegistry metrics = bot.getBean(MeterRegistry.class);
        assertThat(metrics.counter("csbot.desk.tickets", "event", "opened", "reason", "asked").count()).isPositive();
        assertThat(metrics.counter("csbot.desk.tickets", "event", "taken", "reason", "").count()).isPositive();
        assertThat(metrics.counter("csbot.desk.tickets", "event", "closed_agent", "reason", "").count()).isPositive();
        assertThat(metrics.summary("csbot.desk.rating").count()).isPositive();
        assertThat(metrics.timer("csbot.desk.wait").count()).isPositive();
        assertThat(metrics.get("csbot.desk.waiting").gauge().value()).isNotNegative();
    }

    @Test
    @DisplayName("the keyword 人工 hands over in Chinese; /cancel while waiting leaves the queue and the bot is back")
    void byKeywordThenCancel() {
        Customer li = world.newCustomer("Li", "zh-CN");
        li.says("我要转人工");
        BotMessage queued = li.hears("人工客服队列");
        long ticket = ticketIn(queued);
        Topic topic = agents.topicOf(ticket);
        assertThat(topic.nextMessage().text()).contains("asked for a person in words", "Language: zh-CN");

        li.says("/cancel");
        li.hears("您已退出排队");
        assertThat(topic.nextMessage().text()).contains("The customer left");

        ann.says(topic, "Hello?");
        assertThat(topic.nextMessage().text()).as("a closed ticket sends nothing").contains("ticket is closed");
        li.hearsNothingFor(Duration.ofMillis(300));
        li.says("余额");
        li.hears("绑定");
    }

    @Test
    @DisplayName("three misunderstood messages offer a person (not forced); taking the offer opens a ticket")
    void byThreeMisses() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("blorp");
        sam.hears("didn't understand");
        sam.says("zzz");
        sam.hears("didn't understand");
        sam.says("qwerty");
        BotMessage offer = sam.hears("Would you like to talk to a person?");
        assertThat(offer.buttons()).containsExactly("👤 Talk to a person");
        sam.says("blorp");
        sam.hears("didn't understand");

        sam.tapsOn(offer, "Talk to a person");
        long ticket = ticketIn(sam.hears("in the queue for a person"));
        assertThat(agents.topicOf(ticket).nextMessage().text())
                .contains("the bot did not understand them several times", "👤 qwerty");
    }

    @Test
    @DisplayName("canned replies in the customer's language, /lines, /reopen; bad input: an unknown canned reply, an"
            + " unknown command, a second rating tap")
    void agentCommands() {
        Customer mei = linkedByContact(world, world.hkEsim(), "zh-CN");
        mei.says("/agent");
        long ticket = ticketIn(mei.hears("人工客服队列"));
        Topic topic = agents.topicOf(ticket);
        topic.nextMessage();

        ann.says(topic, "/reply no_such_answer");
        assertThat(topic.nextMessage().text()).contains("No canned reply \"no_such_answer\"", "esim_check",
                "keep_number", "topup_howto");
        mei.hearsNothingFor(Duration.ofMillis(300));
        ann.says(topic, "/reply topup_howto");
        mei.hears("客服 Ann 已接入");
        mei.hears("💳 充值方法");
        assertThat(topic.nextMessage().text()).contains("Ann took this ticket");
        assertThat(topic.nextMessage().text()).contains("Canned reply \"topup_howto\" sent");

        ann.says(topic, "/lines");
        assertThat(topic.nextMessage().text()).contains("Lines now", "+852 •••• 4567", "HK$8.00");
        ann.says(topic, "/frobnicate");
        assertThat(topic.nextMessage().text()).contains("Commands here: /take");

        ann.says(topic, "/close");
        BotMessage rating = mei.hears("请为我们的服务打分");
        topic.nextMessage();
        mei.tapsOn(rating, "5⭐");
        mei.hears("感谢您的评分 ⭐⭐⭐⭐⭐");
        assertThat(topic.nextMessage().text()).contains("(5/5)");
        mei.sendsCallbackData(rating, "desk:rate:" + ticket + ":1");
        assertThat(mei.toast().text()).as("rated once").contains("该评价已关闭");
        mei.sendsCallbackData(rating, "desk:rate:999999:5");
        assertThat(mei.toast().text()).as("someone else's or no ticket").contains("该评价已关闭");
        topic.expectNoMessage(Duration.ofMillis(300));

        ann.says(topic, "/reopen");
        mei.hears("Ann 重新打开了对话", "#" + ticket);
        assertThat(topic.nextMessage().text()).contains("Reopened by Ann");
        mei.says("还有一个问题");
        assertThat(topic.nextMessage().text()).isEqualTo("还有一个问题");
    }

    @Test
    @DisplayName("a declined order offers a person; the card gives the reason")
    void byAFailedOrder() {
        Customer wei = linkedByContact(world, ukSim, "en");
        TopUps.confirmScreen(wei, "£10.00", "💾 Visa •••• 4242");
        world.sim.topUpOutcomes().set(OutcomePlan.fail("declined").paidWith("savedMethod").times(1));
        wei.taps("✅ Confirm and pay");
        wei.hears("💳 Charging Visa •••• 4242");
        BotMessage declined = wei.hears(Duration.ofSeconds(15), "The charge did not go through");
        assertThat(declined.buttons()).containsExactly("👤 Talk to a person");

        wei.tapsOn(declined, "Talk to a person");
        long ticket = ticketIn(wei.hears("in the queue for a person"));
        assertThat(agents.topicOf(ticket).nextMessage().text()).contains("an order or payment failed",
                "The charge did not go through");
    }

    @Test
    @DisplayName("a backend failure in a flow offers a person; the card names the flow and step")
    void byBackendFailure() {
        Customer wei = linkedByContact(world, ukSim, "en");
        world.sim.faults().set(FaultPlan.errors(1.0, "/bucket"));
        wei.says("balance");
        BotMessage apology = wei.hears("not answering");
        assertThat(apology.buttons()).containsExactly("👤 Talk to a person");
        world.sim.faults().clear();

        wei.tapsOn(apology, "Talk to a person");
        long ticket = ticketIn(wei.hears("in the queue for a person"));
        assertThat(agents.topicOf(ticket).nextMessage().text()).contains("a request failed in the account system");
    }
}
