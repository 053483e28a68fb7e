package csbot.backend;

import java.util.Objects;

/** TMF654 Bucket: what is left of one kind of allowance on a line, and until when. */
public record Bucket(String id, UsageType usageType, Quantity remainingValue, TimePeriod validFor, LineStatus status) {

    public Bucket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(remainingValue, "remainingValue");
        Objects.requireNonNull(validFor, "validFor");
        Objects.requireNonNull(status, "status");
    }
}
