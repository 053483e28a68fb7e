package csbot.backend;

import java.util.Objects;

/**
 * What an auto top-up should do, to create or change one.
 *
 * @param period          for {@link AutoTopUpKind#PERIODIC}; ignored otherwise
 * @param threshold       for {@link AutoTopUpKind#THRESHOLD}: top up when the balance falls below it; ignored otherwise
 * @param paymentMethodId the saved payment method charged
 * @param lowBalanceReminder whether the customer is also reminded when the balance runs low
 */
public record AutoTopUpRule(AutoTopUpKind kind, RecurringPeriod period, Money threshold, Money amount,
                            String paymentMethodId, boolean lowBalanceReminder) {

    public AutoTopUpRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        if (kind == AutoTopUpKind.PERIODIC) {
            Objects.requireNonNull(period, "period of a periodic auto top-up");
        } else {
            Objects.requireNonNull(threshold, "threshold of a threshold auto top-up");
        }
    }
}
