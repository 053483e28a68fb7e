package csbot.bot.transport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.bot.config.TelegramProperties;
import csbot.bot.gate.UpdateGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Telegram's webhook. A request without the configured secret token is refused (401) before its body is even
 * parsed. The answer is 200 only once the update is handled for good; a 503 makes Telegram deliver it again, and
 * the update-id dedupe makes that harmless. Any number of instances may run behind a load balancer.
 */
@RestController
@ConditionalOnProperty(name = "csbot.telegram.mode", havingValue = "webhook")
public final class WebhookController {

    public static final String PATH = "/telegram/webhook";
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final UpdateGate gate;
    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public WebhookController(UpdateGate gate, TelegramProperties properties) {
        this.gate = gate;
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(PATH)
    public ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String token,
                                        @RequestBody byte[] body) {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            log.warn("webhook body is not an update: {}", e.getClass().getSimpleName());
            return ResponseEntity.badRequest().build();
        }
        if (update == null || update.getUpdateId() == null) {
            // JSON, but not an update ({}, null): would fail on the missing id with a 500 that is retried forever
            log.warn("webhook body has no update_id");
            return ResponseEntity.badRequest().build();
        }
        try {
            gate.accept(update).get(50, TimeUnit.SECONDS);
            return ResponseEntity.ok().build();
        } catch (ExecutionException | CompletionException | TimeoutException e) {
            return ResponseEntity.status(503).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(503).build();
        }
    }
}
