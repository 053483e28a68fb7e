package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/** {@code paymentLinkPaidEvent}: the customer paid on the checkout page; {@code paymentLink.topUpId()} names the top-up. */
public record PaymentLinkPaid(String eventId, OffsetDateTime eventTime, PaymentLink paymentLink) implements BackendEvent {

    public PaymentLinkPaid {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(paymentLink, "paymentLink");
    }
}
