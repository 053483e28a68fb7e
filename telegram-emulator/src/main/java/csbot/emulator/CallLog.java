package csbot.emulator;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every Bot API call in arrival order, for assertions; method names match ignoring case. */
final class CallLog {

    private final ConcurrentLinkedQueue<ApiCall> calls = new ConcurrentLinkedQueue<>();

    void add(ApiCall call) {
        calls.add(call);
    }

    List<ApiCall> all() {
        return List.copyOf(calls);
    }

    List<ApiCall> of(String method) {
        return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    void clear() {
        calls.clear();
    }
}
