package csbot.emulator;

import java.time.Instant;

/** A charge Telegram gave back, after the bot's refundStarPayment. */
public record Refund(long userId, String telegramPaymentChargeId, String currency, int totalAmount, Instant time) {
}
