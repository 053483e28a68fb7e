package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The backend's checkout page for one top-up (card, Alipay, WeChat Pay). When paid, the backend creates the top-up
 * itself and reports it as an event.
 *
 * @param topUpId the top-up the payment created, "" until paid
 */
public record PaymentLink(String id, String url, Money amount, String msisdn, String planId, PaymentLinkStatus status,
                          String topUpId, OffsetDateTime expiresAt) {

    public PaymentLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(msisdn, "msisdn");
        planId = planId == null ? "" : planId;
        Objects.requireNonNull(status, "status");
        topUpId = topUpId == null ? "" : topUpId;
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
