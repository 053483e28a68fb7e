package csbot.backend.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import csbot.backend.AutoTopUp;
import csbot.backend.AutoTopUpKind;
import csbot.backend.AutoTopUpRule;
import csbot.backend.AutoTopUpStatus;
import java.util.Objects;

/** The vendor extension's threshold auto top-up as it comes over the wire, and the bodies that create and change one. */
record ThresholdTopupJson(String id, String msisdn, MoneyJson threshold, MoneyJson amount,
                          PaymentMethodJson paymentMethod, boolean lowBalanceReminder, AutoTopUpStatus status) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Create(String msisdn, MoneyJson threshold, MoneyJson amount, PaymentMethodJson paymentMethod,
                  boolean lowBalanceReminder) {

        static Create of(String msisdn, AutoTopUpRule rule) {
            return new Create(msisdn, MoneyJson.of(rule.threshold()), MoneyJson.of(rule.amount()),
                    PaymentMethodJson.saved(rule.paymentMethodId()), rule.lowBalanceReminder());
        }
    }

    /** {@code PATCH}: every field an absolute value, so a repeat changes nothing. */
    record Update(MoneyJson threshold, MoneyJson amount, PaymentMethodJson paymentMethod, boolean lowBalanceReminder) {

        static Update of(AutoTopUpRule rule) {
            return new Update(MoneyJson.of(rule.threshold()), MoneyJson.of(rule.amount()),
                    PaymentMethodJson.saved(rule.paymentMethodId()), rule.lowBalanceReminder());
        }
    }

    AutoTopUp toAutoTopUp() {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        AutoTopUpRule rule = new AutoTopUpRule(AutoTopUpKind.THRESHOLD, null, threshold.toMoney(), amount.toMoney(),
                paymentMethod.id(), lowBalanceReminder);
        return new AutoTopUp(id, msisdn, rule, status, null);
    }
}
