package csbot.bot.send;

/**
 * A rate with a burst, as the generic cell rate algorithm keeps it: one timestamp, the theoretical arrival time of
 * the next message. Not thread-safe; callers synchronise.
 */
final class RateSchedule {

    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrival;
    private long pausedUntil;

    RateSchedule(double perSecond, int burst) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.toleranceNanos = intervalNanos * (Math.max(1, burst) - 1L);
        this.theoreticalArrival = Long.MIN_VALUE / 2;
        this.pausedUntil = Long.MIN_VALUE / 2;
    }

    /** Nanoseconds to wait before a message may go; 0 when it may go now. Reserves nothing. */
    long delay(long now) {
        long earliest = Math.max(theoreticalArrival - toleranceNanos, pausedUntil);
        return Math.max(0, earliest - now);
    }

    /** Takes the next slot and tells how long to wait for it. */
    long reserve(long now) {
        long wait = delay(now);
        theoreticalArrival = Math.max(theoreticalArrival, Math.max(now, pausedUntil)) + intervalNanos;
        return wait;
    }

    /** Nanoseconds until the schedule has no trace of past messages (a full burst is available again). */
    long debt(long now) {
        return Math.max(0, Math.max(theoreticalArrival, pausedUntil) - now);
    }

    /** Nothing goes before {@code until} (Telegram's retry_after). */
    void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }
}
