package csbot.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** TMF621 trouble tickets: opened once per idempotency key and acknowledged; people take it from there. */
final class TroubleTickets {

    private static final Set<String> SEVERITIES = Set.of("minor", "major", "critical");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RelatedEntity(String id, String role, @JsonProperty("@referredType") String referredType) {
    }

    record Channel(String name) {
    }

    /** {@code POST /troubleTicket}; also what a repeat of its idempotency key is compared with. */
    record Create(String description, String severity, String ticketType, List<RelatedEntity> relatedEntity,
                  Channel channel) {

        Create {
            if (Inputs.text(description).isBlank() || description.length() > 2000) {
                throw ApiError.badRequest("invalidBody", "description is required, at most 2000 characters");
            }
            if (!SEVERITIES.contains(Inputs.text(severity))) {
                throw ApiError.badRequest("invalidBody", "severity is minor, major or critical");
            }
            if (Inputs.text(ticketType).isBlank() || ticketType.length() > 64) {
                throw ApiError.badRequest("invalidBody", "ticketType is required, at most 64 characters");
            }
            if (relatedEntity == null || relatedEntity.isEmpty() || relatedEntity.stream().anyMatch(entity ->
                    entity == null || Inputs.text(entity.id()).isBlank() || Inputs.text(entity.role()).isBlank())) {
                throw ApiError.badRequest("invalidBody", "relatedEntity lists at least one {id, role}");
            }
            relatedEntity = List.copyOf(relatedEntity);
        }
    }

    /** Also the JSON answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ticket(String id, String href, String description, String severity, String ticketType, String status,
                  List<RelatedEntity> relatedEntity, Channel channel, Instant creationDate,
                  @JsonProperty("@type") String type) {
    }

    private record Stored(Ticket ticket, long seq) {
    }

    record Opened(Ticket ticket, boolean isNew) {
    }

    private final ConcurrentHashMap<String, Stored> byId = new ConcurrentHashMap<>();
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final AtomicLong sequence = new AtomicLong();

    Opened open(String idempotencyKey, Create request, Instant now) {
        IdempotencyKeys.Claim claim = keys.claim(idempotencyKey, request, () -> {
            // random, so a ticket number from before a reset never names a new ticket
            String id = "TT-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
            byId.put(id, new Stored(new Ticket(id, "/troubleTicket/" + id, request.description(), request.severity(),
                    request.ticketType(), "acknowledged", request.relatedEntity(), request.channel(), now,
                    "TroubleTicket"), sequence.incrementAndGet()));
            return id;
        });
        return new Opened(byId.get(claim.resourceId()).ticket(), claim.isNew());
    }

    Optional<Ticket> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Stored::ticket);
    }

    /** Oldest first. */
    List<Ticket> all() {
        return byId.values().stream().sorted(Comparator.comparingLong(Stored::seq)).map(Stored::ticket).toList();
    }

    void clear() {
        byId.clear();
        keys.clear();
    }
}
