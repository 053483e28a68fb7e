package csbot.bot.send;

import csbot.bot.config.SenderProperties;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import csbot.emulator.ApiCall;
import csbot.emulator.EmulatorConfig;
import csbot.emulator.FakeUser;
import csbot.emulator.ForumGroup;
import csbot.emulator.RateLimits;
import csbot.emulator.TelegramEmulator;
import csbot.emulator.Topic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sender in a group (the agents group): Telegram's messages-a-minute limit per group is kept by pacing, queued,
 * in order and never lost, while private chats go on; a topic is opened through the same queue and its id comes
 * back. The limit is scaled up (240 a minute, 10 at once) so the test takes seconds; production keeps 20 and 3.
 * Failure case covered: a 429 in the group is waited out and the messages still all arrive, in order.
 */
@DisplayName("Sender in a group: paced under its messages a minute, queued not lost, topics opened in turn")
class GroupPacingTest {

    private static final long GROUP = -1002000000002L;
    private static final int PER_MINUTE = 240;
    private static final int BURST = 10;

    private static TelegramEmulator telegram;
    private static TelegramClient client;
    private static ForumGroup group;

    @BeforeAll
    static void start() {
        telegram = TelegramEmulator.start(EmulatorConfig.defaults()
                .withLimits(RateLimits.OFF.withPerGroupPerMinute(PER_MINUTE)));
        client = new OkHttpTelegramClient(telegram.token(),
                new TelegramUrl("http", telegram.host(), telegram.port(), false));
        group = telegram.forumGroup(GROUP, "Support agents");
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    @Test
    void aGroupIsPacedUnderItsLimitAndNothingIsLost() throws Exception {
        Sender sender = new Sender(client, new TelegramMethods(""),
                new SenderProperties(50, 10, 1000, 6, PER_MINUTE, BURST), new SimpleMeterRegistry());
        try {
            ForumTopic opened = sender.call(GROUP, CreateForumTopic.builder().chatId(GROUP).name("#1 Wei").build())
                    .get(5, TimeUnit.SECONDS);
            Topic topic = group.topic("#1");
            assertThat(topic.threadId()).isEqualTo(opened.getMessageThreadId());

            FakeUser wei = telegram.user(3_000_001, "Wei", "en");
            List<Outbound> posts = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                posts.add(new Outbound.TopicPost(GROUP, topic.threadId(), "post " + i));
            }
            Instant start = Instant.now();
            sender.send(posts);
            sender.send(List.of(new Outbound.Say(wei.chatId(), "not held up by the group", Keyboard.NONE)));
            assertThat(wei.nextMessage().text()).isEqualTo("not held up by the group");
            assertThat(Duration.between(start, Instant.now())).as("a private chat goes on meanwhile")
                    .isLessThan(Duration.ofMillis(1500));
            for (int i = 1; i <= 12; i++) {
                assertThat(topic.nextMessage(Duration.ofSeconds(10)).text()).isEqualTo("post " + i);
            }
            // the burst is over: the next group message meets a 429, is waited out, and nothing is lost
            telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", 1);
            for (int i = 13; i <= 30; i++) {
                assertThat(topic.nextMessage(Duration.ofSeconds(10)).text()).isEqualTo("post " + i);
            }
            Duration took = Duration.between(start, Instant.now());
            // after the burst, (240 - 9) a minute: 20 more take about 5.2 s (plus the 429's second)
            assertThat(took).as("paced, not sent at once").isGreaterThan(Duration.ofMillis(4500));
            List<ApiCall> refused = telegram.calls("sendMessage").stream()
                    .filter(call -> !call.ok() && call.param("chat_id").equals(Long.toString(GROUP))).toList();
            assertThat(refused).as("only the injected 429: the pace never hits the group's limit").hasSize(1);
            assertThat(telegram.limitStats().perChat()).isZero();
        } finally {
            sender.close();
        }
    }
}
