package csbot.emulator;

/** A button of a reply keyboard; one with {@code requestContact} shares the user's own contact. */
public record ReplyButton(String text, boolean requestContact) {
}
