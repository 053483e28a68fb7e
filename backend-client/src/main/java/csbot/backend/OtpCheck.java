package csbot.backend;

import java.util.Objects;

/** The backend's verdict on one code. */
public record OtpCheck(OtpStatus status, int attemptsLeft) {

    public OtpCheck {
        Objects.requireNonNull(status, "status");
    }
}
