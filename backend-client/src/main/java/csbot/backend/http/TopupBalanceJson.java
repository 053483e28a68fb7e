package csbot.backend.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import csbot.backend.AutoTopUp;
import csbot.backend.AutoTopUpKind;
import csbot.backend.AutoTopUpRule;
import csbot.backend.AutoTopUpStatus;
import csbot.backend.RecurringPeriod;
import csbot.backend.TopUp;
import csbot.backend.TopUpRequest;
import csbot.backend.TopUpStatus;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The contract's TMF654 {@code TopupBalance} as it comes over the wire: a top-up, or (with {@code isAutoTopup}) a
 * periodic auto top-up. Also the request bodies that create and change them.
 */
record TopupBalanceJson(String id, TopUpStatus status, MoneyJson amount, LogicalResource logicalResource,
                        PaymentMethodJson paymentMethod, Ref product, @JsonProperty("isAutoTopup") Boolean isAutoTopup,
                        RecurringPeriod recurringPeriod, Boolean lowBalanceReminder, OffsetDateTime nextRunDate,
                        String autoTopupId, String reason, OffsetDateTime creationDate) {

    record LogicalResource(String value) {
    }

    record Channel(String name) {
    }

    record Ref(String id) {
    }

    /** {@code POST /topupBalance}: a top-up, or a periodic auto top-up. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Create(MoneyJson amount, LogicalResource logicalResource, Channel channel, PaymentMethodJson paymentMethod,
                  Ref product, @JsonProperty("isAutoTopup") boolean isAutoTopup, RecurringPeriod recurringPeriod,
                  Boolean lowBalanceReminder) {

        static Create of(TopUpRequest request) {
            return new Create(MoneyJson.of(request.amount()), new LogicalResource(request.msisdn()),
                    new Channel(request.channel()), PaymentMethodJson.of(request.payment()),
                    request.planId().isEmpty() ? null : new Ref(request.planId()), false, null, null);
        }

        static Create periodic(String msisdn, AutoTopUpRule rule) {
            return new Create(MoneyJson.of(rule.amount()), new LogicalResource(msisdn), null,
                    PaymentMethodJson.saved(rule.paymentMethodId()), null, true, rule.period(),
                    rule.lowBalanceReminder());
        }
    }

    /** {@code PATCH /topupBalance/{id}}: every field an absolute value, so a repeat changes nothing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Update(MoneyJson amount, RecurringPeriod recurringPeriod, PaymentMethodJson paymentMethod,
                  Boolean lowBalanceReminder, String status) {

        static Update of(AutoTopUpRule rule) {
            return new Update(MoneyJson.of(rule.amount()), rule.period(),
                    PaymentMethodJson.saved(rule.paymentMethodId()), rule.lowBalanceReminder(), null);
        }

        static Update cancel() {
            return new Update(null, null, null, null, "cancelled");
        }
    }

    TopUp toTopUp() {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(logicalResource, "logicalResource");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        return new TopUp(id, status, logicalResource.value(), amount.toMoney(), product == null ? "" : product.id(),
                paymentMethod.toPaymentRef(), reason, creationDate, autoTopupId);
    }

    /** A periodic auto top-up is {@code created} while in force and {@code cancelled} once stopped. */
    AutoTopUp toAutoTopUp() {
        if (!Boolean.TRUE.equals(isAutoTopup)) {
            throw new IllegalStateException("not an auto top-up");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(logicalResource, "logicalResource");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(status, "status");
        AutoTopUpStatus ruleStatus = switch (status) {
            case CREATED -> AutoTopUpStatus.ACTIVE;
            case CANCELLED -> AutoTopUpStatus.CANCELLED;
            default -> throw new IllegalStateException("an auto top-up is created or cancelled, not " + status);
        };
        AutoTopUpRule rule = new AutoTopUpRule(AutoTopUpKind.PERIODIC, recurringPeriod, null, amount.toMoney(),
                paymentMethod.id(), Boolean.TRUE.equals(lowBalanceReminder));
        return new AutoTopUp(id, logicalResource.value(), rule, ruleStatus, nextRunDate);
    }
}
