package csbot.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The contract's TopupBalance JSON (TMF654): what {@code POST} and {@code PATCH} take and what is answered. */
final class TopupBalanceJson {

    record LogicalResource(String value) {
    }

    record Channel(String name) {
    }

    record Ref(String id) {
    }

    /** {@code POST /topupBalance}. */
    record Create(MoneyJson amount, LogicalResource logicalResource, Ref partyAccount, Channel channel,
                  PaymentRef paymentMethod, Ref product, @JsonProperty("isAutoTopup") boolean isAutoTopup,
                  RecurringPeriod recurringPeriod, Boolean lowBalanceReminder) {

        String msisdn() {
            return Inputs.msisdn(logicalResource == null ? null : logicalResource.value());
        }

        String planId() {
            return product == null ? "" : Inputs.text(product.id());
        }

        String channelName() {
            return channel == null || Inputs.text(channel.name()).isBlank() ? "unknown" : channel.name();
        }

        /** What the request asks for, in the form compared when its idempotency key comes again. */
        TopUpOrder order() {
            return new TopUpOrder(msisdn(), MoneyJson.required(amount, "amount"), planId(),
                    PaymentRef.required(paymentMethod), channelName(), "");
        }
    }

    /** {@code PATCH /topupBalance/{id}}: a JSON merge patch; what is left out stays as it is. */
    record Update(MoneyJson amount, RecurringPeriod recurringPeriod, PaymentRef paymentMethod,
                  Boolean lowBalanceReminder, String status) {

        Update {
            if (status != null && !"cancelled".equals(status)) {
                throw ApiError.badRequest("invalidBody", "status can only be set to cancelled");
            }
        }

        boolean cancels() {
            return status != null;
        }
    }

    /** What is answered; fields that do not apply are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Out(String id, String href, String status, MoneyJson amount, LogicalResource logicalResource,
               Channel channel, PaymentRef paymentMethod, Ref product,
               @JsonProperty("isAutoTopup") boolean isAutoTopup, RecurringPeriod recurringPeriod,
               Boolean lowBalanceReminder, Instant nextRunDate, String autoTopupId, String reason,
               Instant creationDate, Instant confirmationDate, @JsonProperty("@type") String type) {
    }

    private TopupBalanceJson() {
    }

    static Out of(TopUp.View view) {
        TopUp topUp = view.topUp();
        TopUpOrder order = topUp.order();
        return new Out(topUp.id(), href(topUp.id()), wire(view.status()), order.amount(),
                new LogicalResource(order.msisdn()), new Channel(order.channel()), order.payment(),
                order.planId().isEmpty() ? null : new Ref(order.planId()), false, null, null, null,
                order.autoTopUpId().isEmpty() ? null : order.autoTopUpId(),
                view.reason().isEmpty() ? null : view.reason(), topUp.createdAt(), view.settledAt().orElse(null),
                "TopupBalance");
    }

    static Out of(PeriodicRule.View view) {
        PeriodicRule rule = view.rule();
        boolean active = view.active();
        return new Out(rule.id(), href(rule.id()), active ? "created" : "cancelled", view.amount(),
                new LogicalResource(rule.msisdn()), new Channel(rule.channel()),
                new PaymentRef(PaymentMethodType.SAVED_METHOD, view.paymentMethodId()), null, true, view.period(),
                view.lowBalanceReminder(), active ? view.nextRunAt() : null, null, null, rule.createdAt(), null,
                "TopupBalance");
    }

    private static String href(String id) {
        return "/topupBalance/" + id;
    }

    private static String wire(TopUp.Status status) {
        return switch (status) {
            case CREATED -> "created";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }
}
