package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The contract's {@code paymentMethod}: how a top-up was paid and that method's own reference. */
record PaymentRef(@JsonProperty("@type") PaymentMethodType type, String id) {

    /** 400 when either part is missing. */
    static PaymentRef required(PaymentRef given) {
        if (given == null || given.type() == null || Inputs.text(given.id()).isBlank() || given.id().length() > 255) {
            throw ApiError.badRequest("invalidBody",
                    "paymentMethod is required: {\"@type\": telegramStars|telegramProvider|paymentLink|savedMethod, \"id\"}");
        }
        return given;
    }
}
