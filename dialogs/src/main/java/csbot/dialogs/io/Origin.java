package csbot.dialogs.io;

/**
 * Who sent an update and where. In a private chat {@code chatId == userId}.
 *
 * @param languageCode the sender's Telegram client language (IETF tag), "" when Telegram did not say
 * @param messageId    the message the update carries, 0 for none (a button tap, a pre-checkout): what the agent desk
 *                     copies between a customer's chat and a topic
 * @param threadId     the forum topic the message was posted in, 0 outside topics
 */
public record Origin(long updateId, long chatId, long userId, String firstName, String languageCode, int messageId,
                     int threadId) {

    public Origin {
        firstName = firstName == null ? "" : firstName;
        languageCode = languageCode == null ? "" : languageCode;
    }

    /** An update that carries no message of its own, or whose message nobody needs to copy. */
    public Origin(long updateId, long chatId, long userId, String firstName, String languageCode) {
        this(updateId, chatId, userId, firstName, languageCode, 0, 0);
    }

    public boolean isPrivateChat() {
        return chatId == userId;
    }
}
