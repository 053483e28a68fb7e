package csbot.sim;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key}s one creating endpoint has seen, each with the request it came with and the resource
 * it made. The same key again with an equal request gets that resource back, never a second one; with a different
 * request it is refused ({@code 409 idempotencyKeyReused}).
 */
final class IdempotencyKeys {

    /** The resource a key stands for, and whether this call made it. */
    record Claim(String resourceId, boolean isNew) {
    }

    private record Entry(Object request, String resourceId) {
    }

    private final ConcurrentHashMap<String, Entry> byKey = new ConcurrentHashMap<>();

    /** The resource already made under this key, if any: 409 when {@code request} differs from the first one. */
    Optional<String> replay(String key, Object request) {
        return Optional.ofNullable(byKey.get(key)).map(entry -> sameRequest(entry, request));
    }

    /**
     * Runs {@code create} at most once per key, however many callers race with it; it returns the new resource's id.
     * When it throws, nothing is remembered and the key stays free.
     */
    Claim claim(String key, Object request, Supplier<String> create) {
        boolean[] made = new boolean[1];
        Entry entry = byKey.computeIfAbsent(key, absent -> {
            made[0] = true;
            return new Entry(request, create.get());
        });
        return new Claim(made[0] ? entry.resourceId() : sameRequest(entry, request), made[0]);
    }

    Optional<String> resourceId(String key) {
        return Optional.ofNullable(byKey.get(key)).map(Entry::resourceId);
    }

    void clear() {
        byKey.clear();
    }

    private static String sameRequest(Entry entry, Object request) {
        if (!entry.request().equals(request)) {
            throw ApiError.conflict("idempotencyKeyReused",
                    "this Idempotency-Key was used for a different request; use a new key for a new operation");
        }
        return entry.resourceId();
    }
}
