package csbot.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's "now": the system clock plus an offset that only moves forward, so tests can
 * expire codes and lines without waiting. Whatever is due by the new time (pending top-ups, auto
 * top-up runs) is done before {@link #advance} returns.
 */
public final class SimClock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final List<Runnable> onAdvance = new CopyOnWriteArrayList<>();

    SimClock(Clock base) {
        this.base = base;
    }

    /** Millisecond precision keeps the timestamps in JSON short and stable to compare. */
    public Instant now() {
        return base.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulator clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
        onAdvance.forEach(Runnable::run);
    }

    /** Runs after every {@link #advance}, in the caller's thread. */
    void onAdvance(Runnable task) {
        onAdvance.add(task);
    }

    void reset() {
        offset.set(Duration.ZERO);
    }
}
