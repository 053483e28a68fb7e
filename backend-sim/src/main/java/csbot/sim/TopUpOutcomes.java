package csbot.sim;

import java.time.Duration;
import java.time.Instant;

/** The outcome plan in force, and the decision it makes for each new top-up. */
public final class TopUpOutcomes {

    /**
     * What to do with one top-up.
     *
     * @param dueAt      when it is settled: its creation time for at once, later for pending
     * @param failReason "" to complete it, the failed top-up's reason code otherwise
     */
    record Decision(Instant dueAt, String failReason) {

        static Decision failNow(Instant now, String reason) {
            return new Decision(now, reason);
        }

        boolean fails() {
            return !failReason.isEmpty();
        }
    }

    private OutcomePlan plan = OutcomePlan.complete();
    private int left;

    public synchronized void set(OutcomePlan newPlan) {
        plan = newPlan;
        left = newPlan.count();
    }

    public synchronized void clear() {
        set(OutcomePlan.complete());
    }

    public synchronized OutcomePlan current() {
        return plan;
    }

    /** Uses up one of the plan's top-ups when it applies; a counted plan that is used up gives way to completing. */
    synchronized Decision next(PaymentMethodType paidWith, Instant now) {
        if (!plan.appliesTo(paidWith)) {
            return new Decision(now, "");
        }
        OutcomePlan applied = plan;
        if (applied.count() > 0 && --left == 0) {
            plan = OutcomePlan.complete();
        }
        return switch (applied.outcome()) {
            case COMPLETE -> new Decision(now, "");
            case FAIL -> Decision.failNow(now, applied.failReason());
            case PENDING -> new Decision(now.plus(Duration.ofSeconds(applied.pendingSeconds())), "");
        };
    }
}
