package csbot.dialogs.io;

/** What the bot wants done in a chat, independent of Telegram's types. */
public sealed interface Outbound {

    long chatId();

    /** A new message. */
    record Say(long chatId, String text, Keyboard keyboard) implements Outbound {
    }

    /** Replace the text and buttons of a message the bot sent earlier. */
    record Edit(long chatId, int messageId, String text, Keyboard.Inline keyboard) implements Outbound {
    }

    /** Stop the spinner on a tapped button, optionally with a short notice ({@code alert}: as a dialog). */
    record AnswerCallback(long chatId, String callbackId, String text, boolean alert) implements Outbound {
    }
}
