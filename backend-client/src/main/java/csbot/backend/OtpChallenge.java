package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A code was sent. {@code maskedDestination} is safe to show, e.g. {@code +44 ••••••0123}. */
public record OtpChallenge(String id, String maskedDestination, OffsetDateTime expiresAt) {

    public OtpChallenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(maskedDestination, "maskedDestination");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
