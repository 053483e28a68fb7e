package csbot.bot.alerts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import csbot.dialogs.alerts.QuietHours;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Balance and expiry alerts (DESIGN §8): how fast they go out, how long they stay worth sending, how failures are
 * retried. Environment: {@code ALERTS_PER_SECOND}.
 *
 * @param enabled         run dispatchers in this instance (events are queued either way)
 * @param globalPerSecond alerts per second over all chats and all instances together. Telegram allows about 30
 *                        messages/s per bot; the default 25 leaves room for the conversations' replies. With
 *                        Telegram's paid broadcasts up to 1000.
 * @param burst           alerts that may go at once after a quiet spell before pacing starts (keep it small: Telegram
 *                        counts per second)
 * @param perChatInterval the least time between two alerts to one chat (Telegram: about one message a second)
 * @param validity        how long after the backend reported it an alert is still worth sending; an expiry reminder
 *                        is never sent after the expiry date
 * @param dedupeFor       how long an alert's dedupe key is remembered
 * @param maxAttempts     attempts at an alert that fails for a passing reason (network, 5xx) before it goes to the
 *                        dead-letter stream
 * @param retryBackoff    the wait before the second attempt; doubled for each further one
 * @param claimIdle       an alert read by a dispatcher and not done within this time is taken over by another (the
 *                        first one died)
 * @param workers         dispatcher threads per instance
 * @param batch           alerts one dispatcher thread reads at a time
 * @param defaultQuietHours quiet hours of a customer who has not chosen any, in their time zone: {@code 22:00-08:00},
 *                        or {@code off}
 * @param sweepEvery      how often each line with alerts is checked for expiry and low balance, for backends that
 *                        send no events; 0 for never
 * @param sweepLowBalance per currency, the balance below which the sweep warns (the backend's own level, for events)
 * @param recycleAfter    how long after its expiry date a number is recycled if not topped up (the provider's rule)
 */
@Validated
@ConfigurationProperties("csbot.alerts")
public record AlertProperties(boolean enabled,
                              @Positive @DecimalMax("1000") double globalPerSecond,
                              @Min(1) @Max(100) int burst,
                              @NotNull Duration perChatInterval,
                              @NotNull Duration validity,
                              @NotNull Duration dedupeFor,
                              @Min(1) int maxAttempts,
                              @NotNull Duration retryBackoff,
                              @NotNull Duration claimIdle,
                              @Min(1) @Max(64) int workers,
                              @Min(1) @Max(1000) int batch,
                              @NotNull String defaultQuietHours,
                              @NotNull Duration sweepEvery,
                              @NotNull Map<String, BigDecimal> sweepLowBalance,
                              @NotNull Duration recycleAfter) {

    public AlertProperties {
        if (defaultQuietHours != null && QuietHours.parse(defaultQuietHours).isEmpty()) {
            throw new IllegalArgumentException("csbot.alerts.default-quiet-hours is HH:mm-HH:mm or off, not "
                    + defaultQuietHours);
        }
    }

    public QuietHours quietHours() {
        return QuietHours.parse(defaultQuietHours).orElseThrow();
    }
}
