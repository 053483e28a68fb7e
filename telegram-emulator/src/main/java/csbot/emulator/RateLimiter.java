package csbot.emulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Applies {@link RateLimits}: one window per chat plus one for the whole bot. */
final class RateLimiter {

    private final RateLimits limits;
    private final ConcurrentHashMap<Long, Window> chatWindows = new ConcurrentHashMap<>();
    private final Window globalWindow = new Window(1000);
    private final ConcurrentHashMap<Long, Window> groupWindows = new ConcurrentHashMap<>();
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
        Window chat = limits.perChatPerSecond() > 0 ? chatWindows.computeIfAbsent(chatId, id -> new Window(1000)) : null;
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
        if (chatId < 0 && limits.perGroupPerMinute() > 0) {
            Window group = groupWindows.computeIfAbsent(chatId, id -> new Window(60_000));
            if (!group.tryAcquire(now, limits.perGroupPerMinute())) {
                if (chat != null) {
                    chat.release();
                }
                globalWindow.release();
                perChatRejections.increment();
                throw ApiError.tooManyRequests(group.secondsLeft(now)).exception();
            }
        }
    }

    long perChatRejections() {
        return perChatRejections.sum();
    }

    long globalRejections() {
        return globalRejections.sum();
    }

    /** A fixed window of {@code lengthMillis}. */
    private static final class Window {

        private final long lengthMillis;
        private long start;
        private int count;

        Window(long lengthMillis) {
            this.lengthMillis = lengthMillis;
        }

        synchronized boolean tryAcquire(long now, int limit) {
            if (now - start >= lengthMillis) {
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
            return (int) Math.max(1, (start + lengthMillis - now + 999) / 1000);
        }
    }
}
