package csbot.backend;

/** Why a backend call did not give an answer the caller can use. */
public abstract sealed class BackendFailure extends RuntimeException permits NotFound, Rejected, Unavailable {

    protected BackendFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
