package csbot.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Every SMS the simulator sent, per line, oldest first; bounded so a benchmark cannot exhaust memory. */
final class SmsOutbox {

    private static final int KEPT_PER_LINE = 50;

    private final ConcurrentHashMap<String, List<Sms>> byMsisdn = new ConcurrentHashMap<>();

    void send(String msisdn, String text, Instant at) {
        byMsisdn.compute(msisdn, (key, sent) -> {
            List<Sms> next = new ArrayList<>(sent == null ? List.of() : sent);
            next.add(new Sms(text, at));
            return List.copyOf(next.subList(Math.max(0, next.size() - KEPT_PER_LINE), next.size()));
        });
    }

    List<Sms> to(String msisdn) {
        return byMsisdn.getOrDefault(msisdn, List.of());
    }

    void clear() {
        byMsisdn.clear();
    }
}
