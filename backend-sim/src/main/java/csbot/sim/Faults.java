package csbot.sim;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/** The fault plan in force, and the dice roll that applies it to one request. */
public final class Faults {

    /** What happens to one request. */
    record Decision(long latencyMs, boolean fail, boolean dropResponse) {
        static final Decision NONE = new Decision(0, false, false);
    }

    private final AtomicReference<FaultPlan> plan = new AtomicReference<>(FaultPlan.none());

    public void set(FaultPlan faults) {
        plan.set(faults);
    }

    public void clear() {
        plan.set(FaultPlan.none());
    }

    public FaultPlan current() {
        return plan.get();
    }

    Decision decide(String path) {
        FaultPlan p = plan.get();
        if (!p.appliesTo(path)) {
            return Decision.NONE;
        }
        ThreadLocalRandom dice = ThreadLocalRandom.current();
        boolean fail = dice.nextDouble() < p.errorRate();
        boolean drop = !fail && dice.nextDouble() < p.dropResponseRate();
        return new Decision(p.latencyMs(), fail, drop);
    }
}
