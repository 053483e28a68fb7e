package csbot.emulator;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The latest Bot API calls in arrival order, for assertions; method names match ignoring case. */
final class CallLog {

    private final ConcurrentLinkedQueue<ApiCall> calls = new ConcurrentLinkedQueue<>();
    /** The queue's own size() walks it; this counts instead. */
    private final AtomicInteger size = new AtomicInteger();
    private final int limit;

    CallLog(int limit) {
        this.limit = limit;
    }

    void add(ApiCall call) {
        calls.add(call);
        if (size.incrementAndGet() > limit && calls.poll() != null) {
            size.decrementAndGet();
        }
    }

    List<ApiCall> all() {
        return List.copyOf(calls);
    }

    List<ApiCall> of(String method) {
        return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    void clear() {
        while (calls.poll() != null) {
            size.decrementAndGet();
        }
    }
}
