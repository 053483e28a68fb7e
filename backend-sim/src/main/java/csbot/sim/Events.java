package csbot.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Emits events (DESIGN §6): wraps the resource in the TMF envelope, keeps a copy, and hands it to
 * {@link EventDelivery} for every hub listener that wants it. Bounded, so a benchmark cannot exhaust memory.
 */
final class Events {

    static final String TOPUP_STATE_CHANGE = "topupBalanceStateChangeEvent";
    static final String PAYMENT_LINK_PAID = "paymentLinkPaidEvent";
    static final String PRODUCT_ORDER_STATE_CHANGE = "productOrderStateChangeEvent";

    private static final int KEPT = 500;

    /** The JSON body: {@code event} holds one member named after the resource, e.g. {@code topupBalance}. */
    record Envelope(String eventId, String eventType, Instant eventTime, Map<String, Object> event) {
    }

    /** One emitted event and how each of its deliveries stands. */
    private static final class Entry {
        private final String eventId;
        private final String eventType;
        private final Instant eventTime;
        private final String body;
        private final Map<String, EmittedEvent.Delivery> deliveries = new LinkedHashMap<>();

        Entry(String eventId, String eventType, Instant eventTime, String body) {
            this.eventId = eventId;
            this.eventType = eventType;
            this.eventTime = eventTime;
            this.body = body;
        }

        synchronized void track(HubRegistry.Subscription to, String status, int attempts) {
            deliveries.put(to.id(), new EmittedEvent.Delivery(to.id(), to.callback(), status, attempts));
        }

        synchronized EmittedEvent snapshot() {
            return new EmittedEvent(eventId, eventType, eventTime, body, List.copyOf(deliveries.values()));
        }
    }

    private final HubRegistry hub;
    private final EventDelivery delivery;
    private final Deque<Entry> emitted = new ArrayDeque<>();

    Events(HubRegistry hub, EventDelivery delivery) {
        this.hub = hub;
        this.delivery = delivery;
    }

    /** {@code at}: when the change it reports happened, in simulator time. */
    void emit(String eventType, String resourceName, Object resource, Instant at) {
        Envelope envelope = new Envelope(UUID.randomUUID().toString(), eventType, at,
                Map.of(resourceName, resource));
        byte[] body = serialize(envelope);
        Entry entry = new Entry(envelope.eventId(), eventType, envelope.eventTime(),
                new String(body, StandardCharsets.UTF_8));
        List<HubRegistry.Subscription> listeners = hub.all().stream().filter(to -> to.wants(eventType)).toList();
        listeners.forEach(to -> entry.track(to, "pending", 0));
        keep(entry);
        listeners.forEach(to -> delivery.deliver(to, eventType, body,
                (status, attempts) -> entry.track(to, status, attempts)));
    }

    /** Oldest first. */
    List<EmittedEvent> emitted() {
        synchronized (emitted) {
            return emitted.stream().map(Entry::snapshot).toList();
        }
    }

    void clear() {
        synchronized (emitted) {
            emitted.clear();
        }
    }

    private void keep(Entry entry) {
        synchronized (emitted) {
            emitted.addLast(entry);
            if (emitted.size() > KEPT) {
                emitted.removeFirst();
            }
        }
    }

    private static byte[] serialize(Envelope envelope) {
        try {
            return Json.MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + envelope.eventType(), e);
        }
    }
}
