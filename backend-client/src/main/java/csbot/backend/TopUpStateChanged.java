package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;

/** {@code topupBalanceStateChangeEvent}: a top-up (possibly an auto top-up's run) was completed or failed. */
public record TopUpStateChanged(String eventId, OffsetDateTime eventTime, TopUp topUp) implements BackendEvent {

    public TopUpStateChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(topUp, "topUp");
    }
}
