package csbot.emulator;

/** Thrown by a {@link BotMethod} to answer the call with a Bot API error instead of a result. */
public final class BotApiException extends RuntimeException {

    private final ApiError error;

    public BotApiException(ApiError error) {
        super(error.description(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
