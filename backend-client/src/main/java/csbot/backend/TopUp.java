package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A TMF654 topupBalance as the backend keeps it.
 *
 * @param planId        "" for a plain amount
 * @param failureReason the backend's reason code when {@code failed}, "" otherwise
 * @param autoTopUpId   when the backend made it as a run of an auto top-up, that auto top-up's id; "" otherwise
 */
public record TopUp(String id, TopUpStatus status, String msisdn, Money amount, String planId, PaymentRef payment,
                    String failureReason, OffsetDateTime createdAt, String autoTopUpId) {

    public TopUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(amount, "amount");
        planId = planId == null ? "" : planId;
        Objects.requireNonNull(payment, "payment");
        failureReason = failureReason == null ? "" : failureReason;
        Objects.requireNonNull(createdAt, "createdAt");
        autoTopUpId = autoTopUpId == null ? "" : autoTopUpId;
    }

    /** A top-up the customer asked for, not a run of an auto top-up. */
    public TopUp(String id, TopUpStatus status, String msisdn, Money amount, String planId, PaymentRef payment,
                 String failureReason, OffsetDateTime createdAt) {
        this(id, status, msisdn, amount, planId, payment, failureReason, createdAt, "");
    }

    public boolean isAutoTopUpRun() {
        return !autoTopUpId.isEmpty();
    }
}
