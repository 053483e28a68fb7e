package csbot.backend;

/** The backend's verdict on one code. */
public record OtpCheck(OtpStatus status, int attemptsLeft) {
}
