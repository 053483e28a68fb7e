package csbot.sim;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests received per route, so tests can prove how often a client really called. */
final class RequestCounter {

    private final ConcurrentHashMap<String, LongAdder> byRoute = new ConcurrentHashMap<>();

    void record(String route) {
        byRoute.computeIfAbsent(route, key -> new LongAdder()).increment();
    }

    long count(String route) {
        LongAdder adder = byRoute.get(route);
        return adder == null ? 0 : adder.sum();
    }

    void clear() {
        byRoute.clear();
    }
}
