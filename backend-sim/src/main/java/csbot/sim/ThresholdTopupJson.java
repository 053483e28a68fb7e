package csbot.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The JSON of the vendor extension {@code /ext/v1/thresholdTopups}. */
final class ThresholdTopupJson {

    /** {@code POST}. */
    record Create(String msisdn, MoneyJson threshold, MoneyJson amount, PaymentRef paymentMethod,
                  Boolean lowBalanceReminder) {
    }

    /** {@code PATCH}: a JSON merge patch; what is left out stays as it is. */
    record Update(MoneyJson threshold, MoneyJson amount, PaymentRef paymentMethod, Boolean lowBalanceReminder) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Out(String id, String msisdn, MoneyJson threshold, MoneyJson amount, PaymentRef paymentMethod,
               boolean lowBalanceReminder, String status, Instant lastRunDate, Instant creationDate) {
    }

    private ThresholdTopupJson() {
    }

    static Out of(ThresholdRule.View view) {
        ThresholdRule rule = view.rule();
        return new Out(rule.id(), rule.msisdn(), view.threshold(), view.amount(),
                new PaymentRef(PaymentMethodType.SAVED_METHOD, view.paymentMethodId()), view.lowBalanceReminder(),
                view.active() ? "active" : "cancelled", view.lastRunAt().orElse(null), rule.createdAt());
    }
}
