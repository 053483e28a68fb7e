package csbot.bot.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Telegram's flood limits as the Sender keeps them.
 *
 * @param perChatPerSecond messages per second to one chat (Telegram: about one)
 * @param perChatBurst     messages that may go to one chat at once before pacing starts (a reply of two messages
 *                         should not wait a second between them)
 * @param globalPerSecond  messages per second over all chats (Telegram: about 30; paid broadcasts allow more)
 * @param maxAttempts      attempts at a message that fails for a passing reason (network, 5xx) before giving up
 * @param perGroupPerMinute messages a minute to one group (Telegram: 20), e.g. the agents group's topics
 * @param perGroupBurst    of those, how many may go at once; the pace after a burst is slowed so that no minute ever
 *                         holds more than {@code perGroupPerMinute}
 */
@Validated
@ConfigurationProperties("csbot.sender")
public record SenderProperties(@Positive double perChatPerSecond, @Min(1) int perChatBurst,
                               @Positive double globalPerSecond, @Min(1) int maxAttempts,
                               @Min(1) int perGroupPerMinute, @Min(1) int perGroupBurst) {

    @ConstructorBinding
    public SenderProperties {
        if (perGroupBurst > perGroupPerMinute) {
            throw new IllegalArgumentException("a group's burst cannot exceed its messages a minute");
        }
    }

    /** With Telegram's group limit: 20 a minute, 3 at once. */
    public SenderProperties(double perChatPerSecond, int perChatBurst, double globalPerSecond, int maxAttempts) {
        this(perChatPerSecond, perChatBurst, globalPerSecond, maxAttempts, 20, 3);
    }

    /**
     * Messages per second to one group such that a burst followed by the steady pace never puts more than
     * {@code perGroupPerMinute} into any minute.
     */
    public double perGroupPerSecond() {
        return (perGroupPerMinute - (perGroupBurst - 1)) / 60.0;
    }
}
