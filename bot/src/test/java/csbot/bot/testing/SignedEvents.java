package csbot.bot.testing;

import org.springframework.context.ConfigurableApplicationContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** Backend events POSTed to a bot's hub listener by hand: signed as the backend signs them, or forged. */
public final class SignedEvents {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedEvents() {
    }

    /** The status the listener answers; no timestamp: neither header is sent. */
    public static int post(ConfigurableApplicationContext bot, String eventType, String body, String timestamp,
                           String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TopUps.botUrl(bot) + "/backend/listener/"
                        + eventType))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Csbot-Timestamp", timestamp).header("X-Csbot-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A {@code lowBalanceEvent} as the simulator sends it: £2.00, below £5.00. */
    public static String lowBalance(String eventId, String msisdn, Instant eventTime,
                                    Instant expiry) {
        return """
                {"eventId":"%s","eventType":"lowBalanceEvent","eventTime":"%s","event":{"lowBalance":{"msisdn":"%s",\
                "balance":{"amount":2.00,"units":"GBP"},"threshold":{"amount":5.00,"units":"GBP"},\
                "expiryDate":"%s","recycleDate":"%s"}}}""".formatted(eventId, eventTime, msisdn, expiry,
                expiry.plus(Duration.ofDays(90)));
    }

    /** As the backend signs: {@code sha256=} + hex HMAC-SHA256 of {@code <timestamp>.<body>}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
