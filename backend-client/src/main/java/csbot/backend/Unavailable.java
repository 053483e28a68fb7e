package csbot.backend;

/** No usable answer: timeout, connection refused, 5xx, or the circuit breaker is open. Safe to try again later. */
public final class Unavailable extends BackendFailure {

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
