package csbot.sim;

/** A request the simulator refuses. Thrown by handlers, answered as a TMF error body. */
final class ApiError extends RuntimeException {

    /** The TMF error body: {@code code} is machine-readable, the rest is for people. */
    record Body(String code, String reason, String message) {
    }

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false); // an answer, not a bug: no stack trace
        this.status = status;
        this.code = code;
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    /** Well-formed, but against a business rule (amount out of range, wrong currency …). */
    static ApiError unprocessable(String code, String message) {
        return new ApiError(422, code, message);
    }

    static ApiError conflict(String code, String message) {
        return new ApiError(409, code, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "notFound", message);
    }

    static ApiError unavailable() {
        return new ApiError(503, "serviceUnavailable", "The backend is temporarily unavailable; try again later");
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    Reply reply() {
        return Reply.json(status, new Body(code, reason(status), getMessage()));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable entity";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> "Internal error";
        };
    }
}
