package csbot.emulator;

/** A button of an inline keyboard: {@code callbackData} or {@code url} is set, the other is null. */
public record InlineButton(String label, String callbackData, String url) {
}
