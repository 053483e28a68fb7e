package csbot.dialogs.io;

/**
 * Who sent an update and where. In a private chat {@code chatId == userId}.
 *
 * @param languageCode the sender's Telegram client language (IETF tag), "" when Telegram did not say
 */
public record Origin(long updateId, long chatId, long userId, String firstName, String languageCode) {

    public Origin {
        firstName = firstName == null ? "" : firstName;
        languageCode = languageCode == null ? "" : languageCode;
    }

    public boolean isPrivateChat() {
        return chatId == userId;
    }
}
