package csbot.backend;

/** The backend does not know the thing asked for (404). */
public final class NotFound extends BackendFailure {

    public NotFound(String what) {
        super(what + " not found", null);
    }
}
