package csbot.sim;

import java.time.Instant;

/** One text message the simulator "sent" to a line. */
public record Sms(String text, Instant sentAt) {
}
