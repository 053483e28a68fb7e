package csbot.emulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Applies {@link RateLimits}: one window per chat plus one for the whole bot. */
final class RateLimiter {

    private final RateLimits limits;
    private final ConcurrentHashMap<Long, Window> chatWindows = new ConcurrentHashMap<>();
    private final Window globalWindow = new Window();
    private final LongAdder perChatRejections = new LongAdder();
    private final LongAdder globalRejections = new LongAdder();

    RateLimiter(RateLimits limits) {
        this.limits = limits;
    }

    /** Counts a call to {@code method} in {@code chatId}, or throws 429 when a window is full. */
    void acquire(String method, long chatId) {
        if (!limits.appliesTo(method)) {
            return;
        }
        long now = System.currentTimeMillis();
        Window chat = limits.perChatPerSecond() > 0 ? chatWindows.computeIfAbsent(chatId, id -> new Window()) : null;
        if (chat != null && !chat.tryAcquire(now, limits.perChatPerSecond())) {
            perChatRejections.increment();
            throw ApiError.tooManyRequests(chat.secondsLeft(now)).exception();
        }
        if (limits.globalPerSecond() > 0 && !globalWindow.tryAcquire(now, limits.globalPerSecond())) {
            if (chat != null) {
                chat.release();  // the message was not sent, so it does not count against the chat
            }
            globalRejections.increment();
            throw ApiError.tooManyRequests(globalWindow.secondsLeft(now)).exception();
        }
    }

    long perChatRejections() {
        return perChatRejections.sum();
    }

    long globalRejections() {
        return globalRejections.sum();
    }

    /** A fixed one-second window. */
    private static final class Window {

        private long start;
        private int count;

        synchronized boolean tryAcquire(long now, int limit) {
            if (now - start >= 1000) {
                start = now;
                count = 0;
            }
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        }

        synchronized void release() {
            count = Math.max(0, count - 1);
        }

        /** Whole seconds until the window reopens, at least 1 as Telegram never says 0. */
        synchronized int secondsLeft(long now) {
            return (int) Math.max(1, (start + 1000 - now + 999) / 1000);
        }
    }
}
