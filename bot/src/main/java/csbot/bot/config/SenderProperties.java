package csbot.bot.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Telegram's flood limits as the Sender keeps them.
 *
 * @param perChatPerSecond messages per second to one chat (Telegram: about one)
 * @param perChatBurst     messages that may go to one chat at once before pacing starts (a reply of two messages
 *                         should not wait a second between them)
 * @param globalPerSecond  messages per second over all chats (Telegram: about 30; paid broadcasts allow more)
 * @param maxAttempts      attempts at a message that fails for a passing reason (network, 5xx) before giving up
 */
@Validated
@ConfigurationProperties("csbot.sender")
public record SenderProperties(@Positive double perChatPerSecond, @Min(1) int perChatBurst,
                               @Positive double globalPerSecond, @Min(1) int maxAttempts) {
}
