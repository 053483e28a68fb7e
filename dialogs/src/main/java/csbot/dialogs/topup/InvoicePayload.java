package csbot.dialogs.topup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What an invoice is for, carried in its payload (at most 128 bytes) and signed with HMAC-SHA256: the pre-checkout
 * and the payment can then be checked without trusting anything the client sends, and no payload can be made up
 * for another line, another amount, or to outlive its validity.
 *
 * @param order    the order's id, unique per confirmed top-up
 * @param chatId   the customer's chat (= Telegram user id): only they can pay it
 * @param msisdn   the line topped up, E.164
 * @param amount   the top-up in the line's currency, plain decimal
 * @param currency the line's currency
 * @param planId   "" for a plain amount
 */
public record InvoicePayload(String order, long chatId, String msisdn, String amount, String currency, String planId,
                             Instant expiresAt) {

    private static final String VERSION = "1";
    private static final int SIGNATURE_BYTES = 12;

    public String sign(String secret) {
        String body = String.join("|", VERSION, order, Long.toString(chatId), msisdn, amount, currency, planId,
                Long.toString(expiresAt.getEpochSecond()));
        String signed = body + "|" + signature(body, secret);
        if (signed.getBytes(StandardCharsets.UTF_8).length > 128) {
            throw new IllegalStateException("invoice payload over 128 bytes");
        }
        return signed;
    }

    /** Empty when the payload was not made by us (or was changed). Expiry is the caller's check. */
    public static Optional<InvoicePayload> verify(String payload, String secret) {
        int last = payload.lastIndexOf('|');
        if (last < 0) {
            return Optional.empty();
        }
        String body = payload.substring(0, last);
        byte[] given = payload.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, signature(body, secret).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\|", -1);
        if (parts.length != 8 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        return Optional.of(new InvoicePayload(parts[1], Long.parseLong(parts[2]), parts[3], parts[4], parts[5],
                parts[6], Instant.ofEpochSecond(Long.parseLong(parts[7]))));
    }

    private static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            byte[] shortened = java.util.Arrays.copyOf(full, SIGNATURE_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(shortened);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
