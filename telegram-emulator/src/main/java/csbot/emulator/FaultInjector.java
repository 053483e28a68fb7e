package csbot.emulator;

import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** Errors planned for the next calls of a method (any case), used once each, in order. */
final class FaultInjector {

    private final ConcurrentHashMap<String, Queue<ApiError>> planned = new ConcurrentHashMap<>();
    private final LongAdder injected429s = new LongAdder();

    void failNext(String method, int times, ApiError error) {
        Queue<ApiError> queue = planned.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            queue.add(error);
        }
    }

    Optional<ApiError> next(String method) {
        Queue<ApiError> queue = planned.get(method.toLowerCase(Locale.ROOT));
        ApiError error = queue == null ? null : queue.poll();
        if (error != null && error.errorCode() == 429) {
            injected429s.increment();
        }
        return Optional.ofNullable(error);
    }

    long injected429s() {
        return injected429s.sum();
    }
}
