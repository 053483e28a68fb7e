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

    /**
     * A picture with a caption, e.g. an eSIM activation QR code. The image may be a secret: it lives only in this
     * value on its way out, never in a session or a log ({@link #toString()} leaves it out).
     */
    record Photo(long chatId, byte[] png, String fileName, String caption, Keyboard keyboard) implements Outbound {

        @Override
        public String toString() {
            return "Photo[chat " + chatId + ", " + png.length + " bytes]";
        }
    }

    /** Stop the spinner on a tapped button, optionally with a short notice ({@code alert}: as a dialog). */
    record AnswerCallback(long chatId, String callbackId, String text, boolean alert) implements Outbound {
    }

    /**
     * A Telegram Payments invoice. {@code currency} {@code XTR} is paid in Telegram Stars; any other currency goes
     * through the payment provider the bot is configured with.
     *
     * @param totalAmount in the currency's smallest units (pence, cents; whole Stars)
     * @param payload     given back with the pre-checkout query and the payment, at most 128 bytes
     */
    record Invoice(long chatId, String title, String description, String payload, String currency, long totalAmount,
                   String priceLabel) implements Outbound {
    }

    /** Lets a payment go ahead, or stops it with a reason the customer sees. Must go out within 10 s. */
    record AnswerPreCheckout(long chatId, String queryId, boolean ok, String errorMessage) implements Outbound {
    }

    /**
     * A copy of a message of another chat (a customer's photo into their ticket's topic, an agent's answer back to
     * the customer): the content without a "forwarded from".
     *
     * @param threadId the forum topic to post in, 0 for none
     */
    record Copy(long chatId, int threadId, long fromChatId, int messageId) implements Outbound {
    }

    /** A message in a forum topic of a group (the agents group's ticket topics). */
    record TopicPost(long chatId, int threadId, String text) implements Outbound {
    }
}
