package csbot.backend;

import java.util.Objects;

/**
 * TMF654 topupBalance to create.
 *
 * @param planId  the plan bought, "" for a plain amount
 * @param channel where the customer asked, e.g. {@code telegram}
 */
public record TopUpRequest(String msisdn, Money amount, String planId, PaymentRef payment, String channel) {

    public TopUpRequest {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(channel, "channel");
    }
}
