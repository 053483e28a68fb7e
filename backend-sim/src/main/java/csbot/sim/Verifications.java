package csbot.sim;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One-time codes: issuing them within a per-line rate limit, and checking them. */
final class Verifications {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_CODES = 5;
    static final Duration CODE_WINDOW = Duration.ofMinutes(10);

    private final ConcurrentHashMap<String, Challenge> byId = new ConcurrentHashMap<>();
    /** Per line, the last {@link #MAX_CODES} challenges, oldest first. */
    private final ConcurrentHashMap<String, Deque<Challenge>> recentByLine = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Empty when the line was already sent {@link #MAX_CODES} codes within {@link #CODE_WINDOW}. */
    Optional<Challenge> issue(String msisdn, Instant now) {
        Deque<Challenge> recent = recentByLine.computeIfAbsent(msisdn, key -> new ArrayDeque<>());
        synchronized (recent) { // per line: the limit is checked and used up in one step
            if (recent.size() == MAX_CODES) {
                if (recent.peekFirst().issuedAt().isAfter(now.minus(CODE_WINDOW))) {
                    return Optional.empty();
                }
                // older than the window, hence long expired: forgetting it is what bounds memory
                byId.remove(recent.removeFirst().id());
            }
            Challenge challenge = new Challenge(UUID.randomUUID().toString(), newCode(), now, now.plus(VALIDITY));
            recent.addLast(challenge);
            byId.put(challenge.id(), challenge);
            return Optional.of(challenge);
        }
    }

    /** Empty when no such challenge exists. */
    Optional<Verdict> check(String challengeId, String code, Instant now) {
        return Optional.ofNullable(byId.get(challengeId)).map(challenge -> challenge.check(code, now));
    }

    void clear() {
        byId.clear();
        recentByLine.clear();
    }

    private String newCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }
}
