package csbot.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Bot API side, driven by the real telegrambots client over HTTP. */
class BotApiTest {

    private TelegramEmulator telegram;
    private TelegramClient bot;
    private FakeUser ann;

    @BeforeEach
    void start() {
        telegram = TelegramEmulator.start();
        bot = BotClients.clientFor(telegram);
        ann = telegram.user(1001, "Ann", "en");
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void getMeIsTheBotOfTheToken() throws TelegramApiException {
        User me = bot.execute(new GetMe());

        assertThat(me.getId()).isEqualTo(123456789L);
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getUserName()).isEqualTo("csbot_demo_bot");
    }

    @Test
    void anotherTokenIsUnauthorized() {
        TelegramClient stranger = BotClients.clientFor(telegram, "42:not-the-token");

        assertThatThrownBy(() -> stranger.execute(new GetMe()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(401);
                    assertThat(e.getApiResponse()).isEqualTo("Unauthorized");
                });
    }

    @Test
    void anOffsetConfirmsTheUpdatesBelowIt() throws TelegramApiException {
        long start = ann.sendText("/start");
        long hello = ann.sendText("hello");

        List<Update> all = poll(0, 0);
        assertThat(all).extracting(u -> (long) u.getUpdateId()).containsExactly(start, hello);
        assertThat(all.get(0).getMessage().getEntities()).singleElement()
                .satisfies(entity -> assertThat(entity.getType()).isEqualTo("bot_command"));
        assertThat(all.get(0).getMessage().getFrom().getLanguageCode()).isEqualTo("en");
        assertThat(all.get(1).getMessage().getText()).isEqualTo("hello");
        assertThat(poll(0, 0)).hasSize(2);  // nothing confirmed yet

        assertThat(poll(start + 1, 0)).extracting(Update::getUpdateId).containsExactly((int) hello);
        assertThat(telegram.pendingUpdateCount()).isEqualTo(1);
        assertThat(poll(hello + 1, 0)).isEmpty();
        assertThat(telegram.pendingUpdateCount()).isZero();
    }

    @Test
    void getUpdatesLongPollsUntilAnUpdateComesOrTheTimeout() throws Exception {
        long before = System.nanoTime();
        assertThat(poll(0, 1)).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isBetween(900L, 3000L);

        CompletableFuture<ArrayList<Update>> waiting = bot.executeAsync(GetUpdates.builder().timeout(5).build());
        Thread.sleep(200);
        long hi = ann.sendText("hi");

        assertThat(waiting.get(2, TimeUnit.SECONDS)).extracting(u -> (long) u.getUpdateId()).containsExactly(hi);
    }

    @Test
    void sentAndEditedMessagesAndCallbackAnswersAreWhatTheClientExpects() throws TelegramApiException {
        Message sent = bot.execute(SendMessage.builder().chatId(ann.chatId()).text("What can I do?")
                .replyMarkup(InlineKeyboardMarkup.builder()
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("💰 Balance").callbackData("f1:balance").build()))
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Help").url("https://example.org/help").build()))
                        .build())
                .build());

        assertThat(sent.getChatId()).isEqualTo(1001L);
        assertThat(sent.getFrom().getIsBot()).isTrue();
        assertThat(sent.getText()).isEqualTo("What can I do?");
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("f1:balance");
        BotMessage seen = ann.nextMessage();
        assertThat(seen.messageId()).isEqualTo(sent.getMessageId());
        assertThat(seen.buttons()).containsExactly("💰 Balance", "Help");

        long tap = ann.tap("Balance");
        Update update = poll(0, 0).get(0);
        assertThat((long) update.getUpdateId()).isEqualTo(tap);
        assertThat(update.getCallbackQuery().getData()).isEqualTo("f1:balance");
        assertThat(update.getCallbackQuery().getFrom().getId()).isEqualTo(1001L);
        assertThat(update.getCallbackQuery().getMessage().getMessageId()).isEqualTo(sent.getMessageId());

        String queryId = update.getCallbackQuery().getId();
        assertThat(bot.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text("One moment").build()))
                .isTrue();
        assertThat(ann.nextCallbackAnswer().text()).isEqualTo("One moment");
        assertThatThrownBy(() -> bot.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()))
                .hasMessageContaining("query ID is invalid");

        EditMessageText edit = EditMessageText.builder().chatId(ann.chatId()).messageId(sent.getMessageId())
                .text("Balance: <b>12.50 HKD</b>").parseMode("HTML").build();
        Message edited = (Message) bot.execute(edit);
        assertThat(edited.getText()).isEqualTo("Balance: 12.50 HKD");
        assertThat(edited.getEntities()).singleElement().satisfies(e -> assertThat(e.getType()).isEqualTo("bold"));
        assertThat(edited.getReplyMarkup()).isNull();
        BotMessage seenEdit = ann.nextMessage();
        assertThat(seenEdit.edited()).isTrue();
        assertThat(seenEdit.inlineKeyboard()).isEmpty();

        assertThatThrownBy(() -> bot.execute(edit)).hasMessageContaining("message is not modified");
        assertThatThrownBy(() -> bot.execute(EditMessageText.builder().chatId(ann.chatId()).messageId(99).text("x")
                .build())).hasMessageContaining("message to edit not found");
    }

    @Test
    void getUpdatesConflictsWhileAWebhookIsSet() throws TelegramApiException {
        assertThat(bot.execute(SetWebhook.builder().url("http://127.0.0.1:9/hook").build())).isTrue();

        assertThatThrownBy(() -> poll(0, 0)).isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(409);
            assertThat(e.getApiResponse()).startsWith("Conflict: can't use getUpdates method while webhook is active");
        });
        assertThat(bot.execute(new GetWebhookInfo()).getUrl()).isEqualTo("http://127.0.0.1:9/hook");

        bot.execute(new DeleteWebhook());
        assertThat(poll(0, 0)).isEmpty();
    }

    @Test
    void limitsAnswer429WithRetryAfter() throws TelegramApiException {
        try (TelegramEmulator limited = TelegramEmulator.start(EmulatorConfig.defaults().withLimits(RateLimits.of(2, 0)))) {
            TelegramClient limitedBot = BotClients.clientFor(limited);
            SendMessage message = SendMessage.builder().chatId(7L).text("hi").build();
            limitedBot.execute(message);
            limitedBot.execute(message);

            assertThatThrownBy(() -> limitedBot.execute(message))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(429);
                        assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
                    });
            assertThat(limitedBot.execute(SendMessage.builder().chatId(8L).text("other chat").build())).isNotNull();
            assertThat(limited.limitStats()).isEqualTo(new LimitStats(1, 0, 0));
        }
    }

    @Test
    void plannedFaultsComeFirst() throws TelegramApiException {
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 3", 3);
        SendMessage message = SendMessage.builder().chatId(ann.chatId()).text("hi").build();

        assertThatThrownBy(() -> bot.execute(message)).isInstanceOfSatisfying(TelegramApiRequestException.class,
                e -> assertThat(e.getParameters().getRetryAfter()).isEqualTo(3));
        assertThat(bot.execute(message).getText()).isEqualTo("hi");
        assertThat(telegram.tooManyRequestsCount()).isEqualTo(1);
        assertThat(telegram.calls("sendMessage")).extracting(ApiCall::ok).containsExactly(false, true);
    }

    @Test
    void aRedeliveryBringsTheSameUpdateAgain() throws TelegramApiException {
        long pay = ann.sendText("pay");
        Update first = poll(0, 0).get(0);
        assertThat(poll(pay + 1, 0)).isEmpty();

        telegram.redeliver(pay);

        Update again = poll(pay + 1, 0).get(0);
        assertThat(again).isEqualTo(first);
        assertThat(poll(pay + 1, 0)).isEmpty();
    }

    @Test
    void aRedeliveryQueuedBeforeTheFirstPollIsConfirmedWithTheOriginal() throws TelegramApiException {
        long pay = ann.sendText("pay");
        telegram.redeliver(pay);

        assertThat(poll(0, 0)).extracting(Update::getUpdateId).containsExactly((int) pay, (int) pay);
        assertThat(poll(pay + 1, 0)).isEmpty();
        assertThat(telegram.pendingUpdateCount()).isZero();
    }

    @Test
    void anUploadedPhotoKeepsItsBytes() throws Exception {
        byte[] png = BotClients.png(3, 2);

        Message sent = bot.execute(SendPhoto.builder().chatId(ann.chatId())
                .photo(new InputFile(new ByteArrayInputStream(png), "qr.png")).caption("Scan me").build());

        assertThat(sent.getCaption()).isEqualTo("Scan me");
        assertThat(sent.getPhoto()).singleElement().satisfies(size -> {
            assertThat(size.getWidth()).isEqualTo(3);
            assertThat(size.getHeight()).isEqualTo(2);
        });
        assertThat(ann.nextMessage().photo()).isEqualTo(png);
        assertThat(telegram.calls("sendPhoto").get(0).files().get("photo").bytes()).isEqualTo(png);

        String path = bot.execute(new GetFile(sent.getPhoto().get(0).getFileId())).getFilePath();
        try (InputStream download = new URL(telegram.baseUrl() + "/file/bot" + telegram.token() + "/" + path)
                .openStream()) {
            assertThat(download.readAllBytes()).isEqualTo(png);
        }
    }

    @Test
    void everyCallIsRecordedWithItsParameters() throws TelegramApiException {
        bot.execute(SendMessage.builder().chatId(ann.chatId()).text("hi").build());
        bot.execute(new GetMe());

        assertThat(telegram.calls()).extracting(ApiCall::method).containsExactly("sendMessage", "getMe");
        ApiCall send = telegram.calls("sendMessage").get(0);
        assertThat(send.param("chat_id")).isEqualTo("1001");
        assertThat(send.result().path("message_id").asInt()).isEqualTo(1);
    }

    private List<Update> poll(long offset, int timeoutSeconds) throws TelegramApiException {
        return bot.execute(GetUpdates.builder().offset((int) offset).timeout(timeoutSeconds).build());
    }
}
