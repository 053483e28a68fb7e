package csbot.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a top-up is paid; the contract's {@code paymentMethod.@type}. */
enum PaymentMethodType {
    /** Telegram Payments in Stars; the reference is Telegram's charge id. */
    TELEGRAM_STARS("telegramStars"),
    /** Telegram Payments through a provider, in a fiat currency; the reference is the charge id. */
    TELEGRAM_PROVIDER("telegramProvider"),
    /** The simulator's own checkout page; the reference is the payment link. */
    PAYMENT_LINK("paymentLink"),
    /** A card or wallet on file; the reference is the saved method. */
    SAVED_METHOD("savedMethod");

    private final String wireName;

    PaymentMethodType(String wireName) {
        this.wireName = wireName;
    }

    /** The contract's name, e.g. {@code savedMethod}. */
    @JsonValue
    String wireName() {
        return wireName;
    }

    @JsonCreator
    static PaymentMethodType fromWire(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst()
                .orElseThrow(() -> ApiError.badRequest("invalidBody",
                        "paymentMethod.@type must be telegramStars, telegramProvider, paymentLink or savedMethod"));
    }
}
