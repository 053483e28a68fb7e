package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a top-up was (or will be) paid. */
public enum PaymentMethodType {
    /** Telegram Payments in Telegram Stars; the reference is the telegram_payment_charge_id. */
    @JsonProperty("telegramStars") TELEGRAM_STARS,
    /** Telegram Payments through a payment provider in a fiat currency; the reference is the charge id. */
    @JsonProperty("telegramProvider") TELEGRAM_PROVIDER,
    /** The backend's own checkout page; the reference is the payment link id. */
    @JsonProperty("paymentLink") PAYMENT_LINK,
    /** A card or wallet the account has on file; the reference is the saved method's id. */
    @JsonProperty("savedMethod") SAVED_METHOD
}
