package csbot.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Listeners registered through the TMF hub, and which events each wants. */
final class HubRegistry {

    /** Also the JSON body of the hub answers. */
    record Subscription(String id, String callback, String query) {

        /**
         * An empty query takes every event; {@code eventType=a,b} only those (several {@code &}-joined parts are
         * read the same way; parts about anything else are ignored).
         */
        boolean wants(String eventType) {
            List<String> wanted = Arrays.stream(query.split("&"))
                    .filter(part -> part.startsWith("eventType="))
                    .flatMap(part -> Arrays.stream(part.substring("eventType=".length()).split(",")))
                    .map(String::trim)
                    .toList();
            return wanted.isEmpty() || wanted.stream().anyMatch(eventType::equalsIgnoreCase);
        }
    }

    private final ConcurrentHashMap<String, Subscription> byId = new ConcurrentHashMap<>();

    Subscription register(String callback, String query) {
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), callback, query);
        byId.put(subscription.id(), subscription);
        return subscription;
    }

    /** False when there was no such subscription. */
    boolean remove(String id) {
        return byId.remove(id) != null;
    }

    Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Subscription> all() {
        return List.copyOf(byId.values());
    }

    void clear() {
        byId.clear();
    }
}
