package csbot.emulator;

/**
 * A Bot API error as Telegram shapes it: {@code {"ok":false,"error_code":…,"description":…,
 * "parameters":{"retry_after":…}}}. {@code retryAfter} is 0 when there is none.
 */
public record ApiError(int errorCode, String description, int retryAfter) {

    public static ApiError badRequest(String detail) {
        return new ApiError(400, "Bad Request: " + detail, 0);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "Unauthorized", 0);
    }

    public static ApiError notFound() {
        return new ApiError(404, "Not Found", 0);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, "Conflict: " + detail, 0);
    }

    public static ApiError tooManyRequests(int retryAfterSeconds) {
        return new ApiError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    /** Raises this error from a method handler. */
    public BotApiException exception() {
        return new BotApiException(this);
    }
}
