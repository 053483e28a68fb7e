package csbot.sim;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Listeners registered through the TMF hub. Sending events to them comes with the event issue. */
final class HubRegistry {

    /** Also the JSON body of the hub answers. */
    record Subscription(String id, String callback, String query) {
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

    void clear() {
        byId.clear();
    }
}
