package csbot.backend.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import csbot.backend.PaymentMethodType;
import csbot.backend.PaymentRef;

/** The contract's {@code PaymentMethodRef}: how it is paid, and that method's own reference. */
record PaymentMethodJson(@JsonProperty("@type") PaymentMethodType type, String id) {

    static PaymentMethodJson of(PaymentRef payment) {
        return new PaymentMethodJson(payment.type(), payment.reference());
    }

    static PaymentMethodJson saved(String paymentMethodId) {
        return new PaymentMethodJson(PaymentMethodType.SAVED_METHOD, paymentMethodId);
    }

    PaymentRef toPaymentRef() {
        return new PaymentRef(type, id);
    }
}
