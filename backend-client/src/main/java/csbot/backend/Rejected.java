package csbot.backend;

/** The backend understood the request and refused it (4xx other than 404) with a machine-readable reason code. */
public final class Rejected extends BackendFailure {

    private final String reasonCode;

    public Rejected(String reasonCode, String message) {
        super(reasonCode + ": " + message, null);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
