package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/** {@code productOrderStateChangeEvent}: a reissue order moved on. */
public record ProductOrderStateChanged(String eventId, OffsetDateTime eventTime, ProductOrder order)
        implements BackendEvent {

    public ProductOrderStateChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(order, "order");
    }
}
