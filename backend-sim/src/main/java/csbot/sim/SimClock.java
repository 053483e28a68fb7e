package csbot.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's "now": the system clock plus an offset that only moves forward, so tests can
 * expire codes and lines without waiting.
 */
public final class SimClock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

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
    }

    void reset() {
        offset.set(Duration.ZERO);
    }
}
