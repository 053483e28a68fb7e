package csbot.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test driver: what a user's actions put in the bot's updates, and how a test reads the chat. */
class FakeUserTest {

    private TelegramEmulator telegram;
    private TelegramClient bot;
    private FakeUser li;
    private long lastUpdateId;

    @BeforeEach
    void start() {
        telegram = TelegramEmulator.start();
        bot = BotClients.clientFor(telegram);
        li = telegram.user(2002, "Li", "zh-CN").withPhoneNumber("+85291234567");
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void theRequestContactButtonSharesTheUsersOwnNumber() throws TelegramApiException {
        bot.execute(SendMessage.builder().chatId(li.chatId()).text("请分享手机号")
                .replyMarkup(ReplyKeyboardMarkup.builder().resizeKeyboard(true).oneTimeKeyboard(true)
                        .keyboardRow(new KeyboardRow(List.of(
                                KeyboardButton.builder().text("分享手机号").requestContact(true).build(),
                                KeyboardButton.builder().text("取消").build())))
                        .build())
                .build());
        assertThat(li.nextMessage().replyKeyboard().labels()).containsExactly("分享手机号", "取消");
        assertThat(li.currentReplyKeyboard()).isPresent();

        li.tapReplyButton("分享手机号");

        Update update = onlyUpdate();
        assertThat(update.getMessage().getContact().getPhoneNumber()).isEqualTo("+85291234567");
        assertThat(update.getMessage().getContact().getUserId()).isEqualTo(2002L);
        assertThat(update.getMessage().getFrom().getLanguageCode()).isEqualTo("zh-CN");
        assertThat(li.currentReplyKeyboard()).as("a one-time keyboard hides once used").isEmpty();
    }

    @Test
    void someoneElsesContactCarriesTheirIdOrNone() throws TelegramApiException {
        li.shareContact("85290000000", 0);
        assertThat(onlyUpdate().getMessage().getContact().getUserId()).isNull();
        li.shareContact("85290000001", 3003);
        Update other = bot.execute(GetUpdates.builder().offset((int) lastUpdateId + 1).build()).get(0);
        assertThat(other.getMessage().getContact().getUserId()).isEqualTo(3003L);
    }

    @Test
    void aRemovedReplyKeyboardIsGone() throws TelegramApiException {
        bot.execute(SendMessage.builder().chatId(li.chatId()).text("menu")
                .replyMarkup(ReplyKeyboardMarkup.builder().isPersistent(true)
                        .keyboardRow(new KeyboardRow(List.of(new KeyboardButton("余额")))).build()).build());
        assertThat(li.nextMessage().replyKeyboard().persistent()).isTrue();

        bot.execute(SendMessage.builder().chatId(li.chatId()).text("done")
                .replyMarkup(new ReplyKeyboardRemove(true)).build());

        assertThat(li.nextMessage().replyKeyboard().remove()).isTrue();
        assertThat(li.currentReplyKeyboard()).isEmpty();
    }

    @Test
    void aForgedCallbackOnAMessageThatIsGoneComesAsAnInaccessibleMessage() throws TelegramApiException {
        li.sendCallbackData(42, "v1:expired");

        Update update = onlyUpdate();
        assertThat(update.getCallbackQuery().getData()).isEqualTo("v1:expired");
        assertThat(update.getCallbackQuery().getMessage().getMessageId()).isEqualTo(42);
        assertThat(update.getCallbackQuery().getMessage().getChatId()).isEqualTo(2002L);
    }

    @Test
    void waitingInVainFailsWithTheTranscript() throws TelegramApiException {
        li.sendText("/start");
        bot.execute(SendMessage.builder().chatId(li.chatId()).text("你好").build());
        li.nextMessage();

        assertThatThrownBy(() -> li.nextMessage(Duration.ofMillis(100)))
                .isInstanceOf(ConversationAssertionError.class)
                .hasMessageContaining("user  → /start")
                .hasMessageContaining("bot   ← #2 你好");
        assertThatThrownBy(() -> li.tap("余额")).hasMessageContaining("No inline button \"余额\"");
    }

    @Test
    void expectNoMessagePassesInSilenceAndFailsOnAMessage() throws TelegramApiException {
        li.expectNoMessage(Duration.ofMillis(50));
        bot.execute(SendMessage.builder().chatId(li.chatId()).text("unexpected").build());

        assertThatThrownBy(() -> li.expectNoMessage(Duration.ofMillis(50))).hasMessageContaining("unexpected");
    }

    @Test
    void telegramRejectsWhatItWouldReject() {
        assertThatThrownBy(() -> bot.execute(SendMessage.builder().chatId(li.chatId()).text("<b>open").parseMode("HTML")
                .build())).hasMessageContaining("can't parse entities");
        assertThatThrownBy(() -> bot.execute(SendMessage.builder().chatId(-100L).text("hi").build()))
                .hasMessageContaining("chat not found");
    }

    private Update onlyUpdate() throws TelegramApiException {
        List<Update> updates = bot.execute(GetUpdates.builder().offset((int) lastUpdateId + 1).build());
        assertThat(updates).hasSize(1);
        lastUpdateId = updates.get(0).getUpdateId();
        return updates.get(0);
    }
}
