package csbot.bot.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * How the bot reaches Telegram. Environment: {@code TELEGRAM_BOT_TOKEN} (none: demo mode), {@code TELEGRAM_API_URL},
 * {@code TELEGRAM_MODE}, {@code TELEGRAM_WEBHOOK_SECRET}, {@code TELEGRAM_WEBHOOK_URL}.
 *
 * @param apiUrl             the Bot API server: Telegram's, a local Bot API server, or the demo emulator
 * @param mode               {@code polling} (one instance per token) or {@code webhook} (any number behind a balancer)
 * @param webhookSecret      the {@code X-Telegram-Bot-Api-Secret-Token} every webhook request must carry
 * @param webhookUrl         public URL to register with setWebhook at start-up; blank leaves that to the operator
 * @param pollTimeoutSeconds long-poll wait of getUpdates
 * @param pollLimit          updates per getUpdates batch
 */
@Validated
@ConfigurationProperties("csbot.telegram")
public record TelegramProperties(
        @NotBlank String token,
        @NotNull URI apiUrl,
        @NotNull Mode mode,
        String webhookSecret,
        String webhookUrl,
        @Min(0) @Max(50) int pollTimeoutSeconds,
        @Min(1) @Max(100) int pollLimit) {

    public enum Mode { POLLING, WEBHOOK }

    public TelegramProperties {
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        webhookUrl = webhookUrl == null ? "" : webhookUrl;
        if (mode == Mode.WEBHOOK && webhookSecret.isBlank()) {
            throw new IllegalArgumentException("webhook mode needs TELEGRAM_WEBHOOK_SECRET");
        }
    }

    /** Keeps the token and the secret out of logs and actuator output. */
    @Override
    public String toString() {
        return "TelegramProperties[apiUrl=" + apiUrl + ", mode=" + mode + "]";
    }
}
