package csbot.dialogs.engine;

import java.time.Duration;

/**
 * Tunables of the conversation engine.
 *
 * @param sessionIdleTimeout a flow left alone this long is over; the next message says so
 * @param missesBeforeHelp   consecutive misunderstood messages before a human is offered
 * @param otpMaxTries        wrong codes allowed while linking a line
 * @param linkCooldown       how long linking by code is refused after {@code otpMaxTries} wrong codes
 * @param hotline            the support phone number shown when a human is needed
 * @param supportHours       when the hotline answers, shown with it
 */
public record DialogSettings(Duration sessionIdleTimeout, int missesBeforeHelp, int otpMaxTries,
                             Duration linkCooldown, String hotline, String supportHours) {

    public static DialogSettings defaults() {
        return new DialogSettings(Duration.ofMinutes(30), 3, 5, Duration.ofMinutes(15), "+852 3000 1234",
                "09:00–21:00 UTC+8");
    }
}
