package csbot.backend;

import java.time.OffsetDateTime;

/** A code was sent. {@code maskedDestination} is safe to show, e.g. {@code +44 ••••••0123}. */
public record OtpChallenge(String id, String maskedDestination, OffsetDateTime expiresAt) {
}
