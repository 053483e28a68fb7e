package csbot.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/** The JSON of the vendor extension {@code /ext/v1/paymentLinks}. */
final class PaymentLinkJson {

    /** {@code POST}. */
    record Create(String msisdn, MoneyJson amount, String planId) {

        Create {
            msisdn = Inputs.msisdn(msisdn);
            amount = MoneyJson.required(amount, "amount");
            planId = Inputs.text(planId);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Out(String id, String url, MoneyJson amount, String msisdn, String planId, String status, String topUpId,
               PaymentLink.Method paidWith, Instant expiresAt, Instant creationDate) {
    }

    private PaymentLinkJson() {
    }

    static Out of(PaymentLink.View view, URI baseUrl) {
        PaymentLink link = view.link();
        return new Out(link.id(), checkoutUrl(baseUrl, link.id()), link.amount(), link.msisdn(),
                link.planId().isEmpty() ? null : link.planId(), view.status().name().toLowerCase(Locale.ROOT),
                view.topUpId().isEmpty() ? null : view.topUpId(), view.paidWith().orElse(null), link.expiresAt(),
                link.createdAt());
    }

    static String checkoutUrl(URI baseUrl, String id) {
        return baseUrl.resolve("checkout/" + id).toString();
    }
}
