package csbot.backend;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An auto top-up in force (or cancelled) on a line.
 *
 * @param nextRunAt when a periodic one runs next; null for a threshold one (see {@link #nextRun()})
 */
public record AutoTopUp(String id, String msisdn, AutoTopUpRule rule, AutoTopUpStatus status,
                        OffsetDateTime nextRunAt) {

    public AutoTopUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
    }

    public Optional<OffsetDateTime> nextRun() {
        return Optional.ofNullable(nextRunAt);
    }
}
