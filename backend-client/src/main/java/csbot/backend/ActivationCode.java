package csbot.backend;

import java.util.Objects;

/**
 * An eSIM activation code, GSMA SGP.22: {@link #lpa()} ({@code LPA:1$<SM-DP+ address>$<matching id>}) goes into the QR
 * code, the two parts are for typing in by hand. A secret: shown to the customer once, never stored or logged —
 * {@link #toString()} leaves it out.
 */
public record ActivationCode(String lpa, String smdpAddress, String matchingId, boolean confirmationCodeRequired) {

    public ActivationCode {
        Objects.requireNonNull(lpa, "lpa");
        Objects.requireNonNull(smdpAddress, "smdpAddress");
        Objects.requireNonNull(matchingId, "matchingId");
    }

    @Override
    public String toString() {
        return "ActivationCode[redacted]";
    }
}
