package csbot.backend.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import csbot.backend.Money;
import csbot.backend.PaymentLink;
import csbot.backend.PaymentLinkStatus;
import java.time.OffsetDateTime;
import java.util.Objects;

/** The vendor extension's payment link as it comes over the wire, and the body that asks for one. */
record PaymentLinkJson(String id, String url, MoneyJson amount, String msisdn, String planId, PaymentLinkStatus status,
                       String topUpId, OffsetDateTime expiresAt) {

    /** {@code planId} is left out for a plain amount. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Create(String msisdn, MoneyJson amount, String planId) {

        static Create of(String msisdn, Money amount, String planId) {
            return new Create(msisdn, MoneyJson.of(amount), planId == null || planId.isEmpty() ? null : planId);
        }
    }

    PaymentLink toPaymentLink() {
        Objects.requireNonNull(amount, "amount");
        return new PaymentLink(id, url, amount.toMoney(), msisdn, planId, status, topUpId, expiresAt);
    }
}
