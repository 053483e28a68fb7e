package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What becomes of the next top-ups the simulator makes. Also the JSON body of {@code POST /sim/admin/topups}.
 *
 * @param outcome        {@code complete} (the default: at once), {@code fail} or {@code pending}
 * @param pendingSeconds for {@code pending}: simulator seconds a top-up stays {@code created} before it completes
 * @param failReason     for {@code fail}: the reason code the failed top-up carries, e.g. {@code declined}
 * @param count          how many top-ups it applies to; 0 for all of them until it is replaced, cleared or reset
 * @param paymentMethod  only top-ups paid this way ({@code savedMethod}, {@code telegramStars} …); empty for all
 */
public record OutcomePlan(Outcome outcome, long pendingSeconds, String failReason, int count, String paymentMethod) {

    public enum Outcome {
        @JsonProperty("complete") COMPLETE,
        @JsonProperty("fail") FAIL,
        @JsonProperty("pending") PENDING
    }

    public static final String DEFAULT_FAIL_REASON = "processingError";
    public static final long DEFAULT_PENDING_SECONDS = 60;

    public OutcomePlan {
        outcome = outcome == null ? Outcome.COMPLETE : outcome;
        if (pendingSeconds < 0 || count < 0) {
            throw new IllegalArgumentException("pendingSeconds and count must not be negative");
        }
        pendingSeconds = outcome == Outcome.PENDING && pendingSeconds == 0 ? DEFAULT_PENDING_SECONDS : pendingSeconds;
        failReason = failReason == null || failReason.isBlank() ? DEFAULT_FAIL_REASON : failReason;
        paymentMethod = paymentMethod == null ? "" : paymentMethod;
        if (!paymentMethod.isEmpty()) {
            PaymentMethodType.fromWire(paymentMethod); // an unknown name is refused now, not ignored later
        }
    }

    public static OutcomePlan complete() {
        return new OutcomePlan(Outcome.COMPLETE, 0, "", 0, "");
    }

    public static OutcomePlan fail(String reason) {
        return new OutcomePlan(Outcome.FAIL, 0, reason, 0, "");
    }

    public static OutcomePlan pending(long seconds) {
        return new OutcomePlan(Outcome.PENDING, seconds, "", 0, "");
    }

    /** Only for the next {@code topUps} top-ups; then back to completing at once. */
    public OutcomePlan times(int topUps) {
        if (topUps < 1) {
            throw new IllegalArgumentException("times needs at least one top-up");
        }
        return new OutcomePlan(outcome, pendingSeconds, failReason, topUps, paymentMethod);
    }

    /** Only for top-ups paid this way, e.g. {@code savedMethod}. */
    public OutcomePlan paidWith(String paymentMethodType) {
        return new OutcomePlan(outcome, pendingSeconds, failReason, count, paymentMethodType);
    }

    boolean appliesTo(PaymentMethodType type) {
        return paymentMethod.isEmpty() || paymentMethod.equals(type.wireName());
    }
}
