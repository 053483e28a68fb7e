package csbot.emulator;

/** A conversation did not go as a test expected; the message carries the chat's transcript. */
public final class ConversationAssertionError extends AssertionError {

    public ConversationAssertionError(String message) {
        super(message);
    }
}
