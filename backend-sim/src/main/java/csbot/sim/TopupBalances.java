package csbot.sim;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Everything at {@code /topupBalance}: top-ups and periodic auto top-ups, by id and by idempotency key. */
final class TopupBalances {

    private final ConcurrentHashMap<String, TopupBalanceResource> byId = new ConcurrentHashMap<>();
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final AtomicLong sequence = new AtomicLong();

    /** Random, so an id from before a reset never names a new resource. */
    String newId() {
        return "tb-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    long nextSeq() {
        return sequence.incrementAndGet();
    }

    IdempotencyKeys keys() {
        return keys;
    }

    void add(TopupBalanceResource resource) {
        byId.put(resource.id(), resource);
    }

    Optional<TopupBalanceResource> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<TopupBalanceResource> byKey(String idempotencyKey) {
        return keys.resourceId(idempotencyKey).flatMap(this::byId);
    }

    /** Oldest first. */
    List<TopupBalanceResource> ofLine(String msisdn) {
        return byId.values().stream().filter(resource -> resource.msisdn().equals(msisdn))
                .sorted(Comparator.comparingLong(TopupBalanceResource::seq)).toList();
    }

    /** Every top-up ever made, oldest first: the ledger. */
    List<TopUp> topUps() {
        return byId.values().stream().filter(TopUp.class::isInstance).map(TopUp.class::cast)
                .sorted(Comparator.comparingLong(TopUp::seq)).toList();
    }

    void clear() {
        byId.clear();
        keys.clear();
    }
}
