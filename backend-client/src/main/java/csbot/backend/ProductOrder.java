package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A reissue order (TMF622 {@code productOrder}).
 *
 * @param stateReason why it failed, was rejected or cancelled (e.g. {@code deviceNotEligible}), else ""
 */
public record ProductOrder(String id, String msisdn, OrderState state, String stateReason, ReissueReason reason,
                           Money fee, OffsetDateTime orderDate) {

    public ProductOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateReason, "stateReason");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(orderDate, "orderDate");
    }
}
