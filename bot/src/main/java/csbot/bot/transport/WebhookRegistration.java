package csbot.bot.transport;

import csbot.bot.config.TelegramProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.List;

/** Registers the webhook with Telegram at start-up when {@code TELEGRAM_WEBHOOK_URL} is set. */
@Component
@ConditionalOnProperty(name = "csbot.telegram.mode", havingValue = "webhook")
final class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final TelegramClient telegram;
    private final TelegramProperties properties;

    WebhookRegistration(TelegramClient telegram, TelegramProperties properties) {
        this.telegram = telegram;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws TelegramApiException {
        if (properties.webhookUrl().isBlank()) {
            log.info("webhook mode: TELEGRAM_WEBHOOK_URL not set, expecting the webhook to be registered already");
            return;
        }
        SetWebhook setWebhook = new SetWebhook(properties.webhookUrl());
        setWebhook.setSecretToken(properties.webhookSecret());
        setWebhook.setAllowedUpdates(List.of("message", "callback_query", "pre_checkout_query"));
        telegram.execute(setWebhook);
        log.info("webhook registered");
    }
}
