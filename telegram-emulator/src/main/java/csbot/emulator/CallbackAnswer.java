package csbot.emulator;

/** The bot's answerCallbackQuery: what the client would show as a toast, or as an alert. */
public record CallbackAnswer(String callbackQueryId, String text, boolean showAlert) {
}
