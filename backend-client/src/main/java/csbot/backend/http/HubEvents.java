package csbot.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.backend.BackendEvent;
import csbot.backend.ExpiryApproaching;
import csbot.backend.LowBalance;
import csbot.backend.PaymentLinkPaid;
import csbot.backend.ProductOrderStateChanged;
import csbot.backend.TopUpStateChanged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads what the account backend POSTs to the bot's hub listener at {@code <callback>/listener/<eventName>}: checks
 * {@code X-Csbot-Signature} ({@code sha256=} + hex HMAC-SHA256 of {@code <X-Csbot-Timestamp>.<body>} with the shared
 * secret, compared in constant time) and that the timestamp is recent, then turns the body into a
 * {@link BackendEvent}. Thread-safe.
 */
public final class HubEvents {

    /** How far the sender's timestamp may be from this clock, either way, before the event is refused as a replay. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    /** The event cannot be trusted or read; answer it 4xx (401 for a bad signature) and do nothing. */
    public static final class InvalidEvent extends RuntimeException {

        public InvalidEvent(String message) {
            super(message, null, false, false);
        }
    }

    /** The body of {@code lowBalanceEvent} ({@code threshold}) and {@code expiryApproachingEvent} ({@code daysLeft}). */
    private record LineAlertJson(String msisdn, MoneyJson balance, MoneyJson threshold, Integer daysLeft,
                                 OffsetDateTime expiryDate, OffsetDateTime recycleDate) {
    }

    private record Envelope(String eventId, String eventType, OffsetDateTime eventTime, JsonNode event) {
    }

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;
    private final ObjectMapper json = ContractJson.mapper();

    public HubEvents(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the hub secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public HubEvents(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * @param timestamp the {@code X-Csbot-Timestamp} header, null when missing
     * @param signature the {@code X-Csbot-Signature} header, null when missing
     * @param body      the request body exactly as received
     * @return the event; empty for an event type this client does not know (acknowledge it and ignore it)
     * @throws InvalidEvent when the signature or timestamp do not check out, or the body is not the contract's event
     */
    public Optional<BackendEvent> read(String timestamp, String signature, byte[] body) {
        verify(timestamp, signature, body);
        Envelope envelope = envelope(body);
        try {
            return switch (envelope.eventType()) {
                case "topupBalanceStateChangeEvent" -> Optional.of(new TopUpStateChanged(envelope.eventId(),
                        envelope.eventTime(), json.treeToValue(member(envelope, "topupBalance"),
                                TopupBalanceJson.class).toTopUp()));
                case "paymentLinkPaidEvent" -> Optional.of(new PaymentLinkPaid(envelope.eventId(), envelope.eventTime(),
                        json.treeToValue(member(envelope, "paymentLink"), PaymentLinkJson.class).toPaymentLink()));
                case "productOrderStateChangeEvent" -> Optional.of(new ProductOrderStateChanged(envelope.eventId(),
                        envelope.eventTime(), json.treeToValue(member(envelope, "productOrder"),
                                ProductOrderJson.class).toOrder()));
                case "lowBalanceEvent" -> {
                    LineAlertJson alert = json.treeToValue(member(envelope, "lowBalance"), LineAlertJson.class);
                    yield Optional.of(new LowBalance(envelope.eventId(), envelope.eventTime(), alert.msisdn(),
                            alert.balance().toMoney(), alert.threshold().toMoney(), alert.expiryDate(),
                            alert.recycleDate()));
                }
                case "expiryApproachingEvent" -> {
                    LineAlertJson alert = json.treeToValue(member(envelope, "expiryApproaching"), LineAlertJson.class);
                    yield Optional.of(new ExpiryApproaching(envelope.eventId(), envelope.eventTime(), alert.msisdn(),
                            alert.daysLeft(), alert.balance().toMoney(), alert.expiryDate(), alert.recycleDate()));
                }
                default -> Optional.empty();
            };
        } catch (IOException | RuntimeException unfit) {
            throw new InvalidEvent(envelope.eventType() + " does not match the contract: " + unfit.getMessage());
        }
    }

    private void verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw new InvalidEvent("X-Csbot-Timestamp and X-Csbot-Signature are required");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new InvalidEvent("X-Csbot-Timestamp is not a number of seconds");
        }
        byte[] expected = (PREFIX + HexFormat.of().formatHex(hmac(timestamp, body))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidEvent("the signature does not match");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(sentAt), clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw new InvalidEvent("the timestamp is " + skew.toSeconds() + " s away from now");
        }
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private Envelope envelope(byte[] body) {
        try {
            Envelope envelope = json.readValue(body, Envelope.class);
            if (envelope.eventId() == null || envelope.eventType() == null || envelope.eventTime() == null
                    || envelope.event() == null) {
                throw new InvalidEvent("an event has eventId, eventType, eventTime and event");
            }
            return envelope;
        } catch (IOException e) {
            throw new InvalidEvent("the body is not an event");
        }
    }

    private static JsonNode member(Envelope envelope, String name) {
        JsonNode member = envelope.event().get(name);
        if (member == null || !member.isObject()) {
            throw new InvalidEvent(envelope.eventType() + " carries event." + name);
        }
        return member;
    }
}
