package csbot.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Supergroups with forum topics, as an agents group uses them: topics the bot opens, messages into a topic, members
 * posting in a topic, getChatMember, copyMessage between a private chat and a topic, and the 20 messages a minute
 * Telegram allows per group.
 */
class ForumGroupTest {

    private static final long GROUP = -1001234567890L;

    private TelegramEmulator telegram;
    private TelegramClient bot;
    private ForumGroup agents;
    private FakeUser ann;
    private FakeUser wei;
    private long lastUpdateId;

    @BeforeEach
    void start() {
        telegram = TelegramEmulator.start();
        bot = BotClients.clientFor(telegram);
        agents = telegram.forumGroup(GROUP, "Support agents");
        ann = telegram.user(501, "Ann", "en");
        agents.addMember(ann);
        wei = telegram.user(2002, "Wei", "zh-CN");
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void theBotOpensATopicAndWritesIntoIt() throws TelegramApiException {
        ForumTopic created = bot.execute(CreateForumTopic.builder().chatId(GROUP).name("#7 Wei +44 •••• 3123").build());
        Topic topic = agents.topic("#7");
        assertThat(topic.threadId()).isEqualTo(created.getMessageThreadId());

        bot.execute(SendMessage.builder().chatId(GROUP).messageThreadId(created.getMessageThreadId())
                .text("context card").build());
        BotMessage card = topic.nextMessage();
        assertThat(card.text()).isEqualTo("context card");
        assertThat(card.telegram().path("is_topic_message").asBoolean()).isTrue();
        topic.expectNoMessage(Duration.ofMillis(100));

        Topic chat = agents.openTopic("chit-chat");
        assertThat(agents.topics()).containsValues("#7 Wei +44 •••• 3123", "chit-chat");
        bot.execute(SendMessage.builder().chatId(GROUP).messageThreadId(chat.threadId()).text("hello").build());
        assertThat(chat.nextMessage().text()).as("a topic members opened takes messages too").isEqualTo("hello");
        topic.expectNoMessage(Duration.ZERO);
    }

    /** Bad input: a thread that does not exist, a topic in a chat that is no forum, an empty name. */
    @Test
    void unknownThreadsAndNonForumsAreRefusedAsTelegramDoes() {
        assertThatThrownBy(() -> bot.execute(SendMessage.builder().chatId(GROUP).messageThreadId(999).text("x").build()))
                .isInstanceOf(TelegramApiRequestException.class).hasMessageContaining("message thread not found");
        assertThatThrownBy(() -> bot.execute(CreateForumTopic.builder().chatId(wei.chatId()).name("x").build()))
                .isInstanceOf(TelegramApiRequestException.class).hasMessageContaining("not a forum");
    }

    @Test
    void aMemberPostsInATopicAndTheBotGetsItWithItsThread() throws TelegramApiException {
        int thread = bot.execute(CreateForumTopic.builder().chatId(GROUP).name("#1 Wei").build()).getMessageThreadId();
        Topic topic = agents.topic("#1");

        ann.postIn(topic, "/take");

        Update update = onlyUpdate();
        assertThat(update.getMessage().getChatId()).isEqualTo(GROUP);
        assertThat(update.getMessage().getChat().getIsForum()).isTrue();
        assertThat(update.getMessage().getMessageThreadId()).isEqualTo(thread);
        assertThat(update.getMessage().getFrom().getId()).isEqualTo(501L);
        assertThat(update.getMessage().getEntities().get(0).getType()).isEqualTo("bot_command");
    }

    @Test
    void getChatMemberTellsMembersFromOthers() throws TelegramApiException {
        FakeUser eve = telegram.user(666, "Eve", "en");
        assertThat(bot.execute(new GetChatMember(Long.toString(GROUP), ann.id())).getStatus()).isEqualTo("member");
        assertThat(bot.execute(new GetChatMember(Long.toString(GROUP), eve.id())).getStatus()).isEqualTo("left");

        agents.addAdministrator(eve);
        assertThat(bot.execute(new GetChatMember(Long.toString(GROUP), eve.id())).getStatus())
                .isEqualTo("administrator");
        agents.remove(ann);
        assertThat(bot.execute(new GetChatMember(Long.toString(GROUP), ann.id())).getStatus()).isEqualTo("left");
    }

    @Test
    void copyMessageCarriesAPhotoIntoATopicAndATextBack() throws TelegramApiException {
        int thread = bot.execute(CreateForumTopic.builder().chatId(GROUP).name("#2 Wei").build()).getMessageThreadId();
        Topic topic = agents.topic("#2");
        byte[] png = BotClients.png(4, 3);
        wei.sendPhoto(png, "my SIM");
        int photoId = onlyUpdate().getMessage().getMessageId();

        MessageId copy = bot.execute(CopyMessage.builder().chatId(GROUP).messageThreadId(thread)
                .fromChatId(wei.chatId()).messageId(photoId).build());
        BotMessage inTopic = topic.nextMessage();
        assertThat(inTopic.messageId()).isEqualTo(copy.getMessageId().intValue());
        assertThat(inTopic.photo()).isEqualTo(png);
        assertThat(inTopic.text()).isEqualTo("my SIM");

        ann.postIn(topic, "Thanks, we see it");
        int answerId = onlyUpdate().getMessage().getMessageId();
        bot.execute(CopyMessage.builder().chatId(wei.chatId()).fromChatId(GROUP).messageId(answerId).build());
        BotMessage toWei = wei.nextMessage();
        assertThat(toWei.text()).isEqualTo("Thanks, we see it");
        assertThat(toWei.telegram().has("from") && toWei.telegram().get("from").path("is_bot").asBoolean())
                .as("a copy is the bot's message, not a forward").isTrue();

        assertThatThrownBy(() -> bot.execute(CopyMessage.builder().chatId(wei.chatId()).fromChatId(GROUP)
                .messageId(9999).build()))
                .isInstanceOf(TelegramApiRequestException.class).hasMessageContaining("message to copy not found");
    }

    /** Telegram's 20 messages a minute per group: the 21st is a 429 with retry_after; private chats are not held. */
    @Test
    void aGroupTakesTwentyMessagesAMinute() throws TelegramApiException {
        try (TelegramEmulator limited = TelegramEmulator.start(EmulatorConfig.defaults()
                .withLimits(RateLimits.OFF.withPerGroupPerMinute(20)))) {
            TelegramClient client = BotClients.clientFor(limited);
            limited.forumGroup(GROUP, "Support agents");
            for (int i = 0; i < 20; i++) {
                client.execute(SendMessage.builder().chatId(GROUP).text("m" + i).build());
            }
            assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).text("one too many").build()))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(429);
                        assertThat(e.getParameters().getRetryAfter()).isBetween(1, 60);
                    });
            FakeUser li = limited.user(3003, "Li", "zh-CN");
            for (int i = 0; i < 25; i++) {
                client.execute(SendMessage.builder().chatId(li.chatId()).text("p" + i).build());
            }
        }
    }

    private Update onlyUpdate() throws TelegramApiException {
        List<Update> updates = bot.execute(GetUpdates.builder().offset((int) lastUpdateId + 1).timeout(1).build());
        assertThat(updates).hasSize(1);
        lastUpdateId = updates.get(0).getUpdateId();
        return updates.get(0);
    }
}
