package csbot.bot.testing;

import csbot.emulator.BotMessage;
import csbot.emulator.CallbackAnswer;
import csbot.emulator.FakeUser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer in a conversation test, so the test reads like the chat: {@code wei.says("余额")},
 * {@code wei.hears("余额", "£12.50")}, {@code wei.taps("📱 +44 •••• 3123")}.
 */
public final class Customer {

    private final FakeUser user;
    private int taps;
    private int answersRead;

    Customer(FakeUser user) {
        this.user = user;
    }

    public FakeUser user() {
        return user;
    }

    public long id() {
        return user.id();
    }

    public long says(String text) {
        return user.sendText(text);
    }

    /** Shares their own Telegram number, as the request_contact button does. */
    public long sharesOwnNumber() {
        return user.tapReplyButton("📱");
    }

    public long sharesContact(String phone, long contactUserId) {
        return user.shareContact(phone, contactUserId);
    }

    /** Taps an inline button of the newest message that has it. */
    public long taps(String label) {
        taps++;
        return user.tap(label);
    }

    public long tapsOn(BotMessage message, String label) {
        taps++;
        return user.tapOn(message.messageId(), label);
    }

    public long sendsCallbackData(BotMessage message, String data) {
        taps++;
        return user.sendCallbackData(message.messageId(), data);
    }

    public long tapsReply(String label) {
        return user.tapReplyButton(label);
    }

    /** The bot's next message (new or edited); it must contain every fragment. */
    public BotMessage hears(String... fragments) {
        BotMessage message = user.nextMessage();
        assertThat(message.text()).as("bot's message in the chat\n%s", user.transcript()).contains(fragments);
        return message;
    }

    public BotMessage hears(Duration within, String... fragments) {
        BotMessage message = user.nextMessage(within);
        assertThat(message.text()).as("bot's message in the chat\n%s", user.transcript()).contains(fragments);
        return message;
    }

    public BotMessage nextMessage() {
        return user.nextMessage();
    }

    public void hearsNothingFor(Duration quiet) {
        user.expectNoMessage(quiet);
    }

    /**
     * The answer to the button they tapped last (the spinner's notice, or an alert); answers to earlier taps nobody
     * looked at are passed over. Every tap is answered exactly once, so this waits for the last tap's answer.
     */
    public CallbackAnswer toast() {
        CallbackAnswer answer = user.nextCallbackAnswer();
        answersRead++;
        while (answersRead < taps) {
            answer = user.nextCallbackAnswer();
            answersRead++;
        }
        return answer;
    }

    /**
     * The answers to the last {@code n} taps, in the order they came: taps made at the same moment are answered by
     * calls made at the same moment, which may arrive either way round.
     */
    public List<CallbackAnswer> toasts(int n) {
        List<CallbackAnswer> answers = new ArrayList<>();
        while (answersRead < taps) {
            CallbackAnswer answer = user.nextCallbackAnswer();
            answersRead++;
            if (answersRead > taps - n) {
                answers.add(answer);
            }
        }
        return answers;
    }

    public String transcript() {
        return user.transcript();
    }
}
