package csbot.emulator;

/**
 * How a tap on Pay ended, as the user saw it.
 *
 * @param preCheckoutQueryId the query this attempt sent the bot; null when none was sent (already paid)
 * @param errorMessage       the bot's error_message when it declined; null otherwise
 * @param charge             what this attempt charged (PAID), or the earlier charge (ALREADY_PAID); else null
 */
public record PaymentResult(Outcome outcome, String preCheckoutQueryId, String errorMessage, Charge charge) {

    public enum Outcome {
        /** The bot answered ok: Telegram charged the user and sent the bot successful_payment. */
        PAID,
        /** The bot answered ok=false: no charge; the user saw {@code errorMessage}. */
        DECLINED,
        /** No answer within the pre-checkout timeout (Telegram's 10 s): no charge. */
        NOT_ANSWERED,
        /** The invoice message was paid before: no new pre-checkout query, no charge. */
        ALREADY_PAID
    }

    /** Whether this attempt took money. */
    public boolean charged() {
        return outcome == Outcome.PAID;
    }

    public String telegramPaymentChargeId() {
        return charge == null ? null : charge.telegramPaymentChargeId();
    }

    public String providerPaymentChargeId() {
        return charge == null ? null : charge.providerPaymentChargeId();
    }
}
