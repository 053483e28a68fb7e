package csbot.backend;

import java.util.Objects;

/** A SIM's PUK. A secret: shown to the customer once, never stored or logged — {@link #toString()} leaves it out. */
public record Puk(String digits) {

    public Puk {
        Objects.requireNonNull(digits, "digits");
    }

    @Override
    public String toString() {
        return "Puk[redacted]";
    }
}
