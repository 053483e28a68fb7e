package csbot.backend;

import java.util.Objects;

/** Which payment a top-up is for: its method and that method's own reference. */
public record PaymentRef(PaymentMethodType type, String reference) {

    public PaymentRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
    }
}
