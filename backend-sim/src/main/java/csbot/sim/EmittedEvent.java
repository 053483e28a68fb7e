package csbot.sim;

import java.time.Instant;
import java.util.List;

/**
 * An event the simulator emitted, with how its delivery to each listener went; also the JSON of {@code GET /sim/events}.
 *
 * @param body       the JSON exactly as sent and signed: {@code {eventId, eventType, eventTime, event: {…}}}
 * @param deliveries one per listener that wanted it when it was emitted
 */
public record EmittedEvent(String eventId, String eventType, Instant eventTime, String body, List<Delivery> deliveries) {

    /**
     * @param status   {@code pending} while being tried, then {@code delivered} (a 2xx answer) or {@code failed}
     * @param attempts POSTs made so far
     */
    public record Delivery(String subscriptionId, String callback, String status, int attempts) {
    }

    public EmittedEvent {
        deliveries = List.copyOf(deliveries);
    }
}
