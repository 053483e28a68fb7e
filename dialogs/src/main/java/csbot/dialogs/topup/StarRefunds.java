package csbot.dialogs.topup;

/**
 * Gives Telegram Stars back ({@code refundStarPayment}). The bot implements it with its Telegram client; the dialogs
 * only decide when a payment must be refunded.
 */
public interface StarRefunds {

    /** True when Telegram refunded the charge, or had refunded it already. */
    boolean refund(long userId, String telegramChargeId);
}
