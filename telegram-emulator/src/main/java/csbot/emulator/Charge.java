package csbot.emulator;

import java.time.Instant;

/**
 * Money Telegram took from a user for an invoice, as a payment provider's ledger would list it: what a
 * test compares with the backend's record of top-ups.
 *
 * @param invoiceMessageId        the invoice message that was paid, in the chat {@code chatId}
 * @param totalAmount             in the currency's smallest units (whole stars for XTR)
 * @param telegramPaymentChargeId unique per charge; Stars charges start with "stx", as Telegram's do
 * @param providerPaymentChargeId the provider's id for a fiat charge; "" for Stars, which have no provider
 */
public record Charge(long userId, long chatId, int invoiceMessageId, String invoicePayload, String currency,
                     int totalAmount, String telegramPaymentChargeId, String providerPaymentChargeId, Instant time) {

    /** Paid in Telegram Stars (XTR): only these can the bot refund with refundStarPayment. */
    public boolean stars() {
        return Currencies.isStars(currency);
    }
}
