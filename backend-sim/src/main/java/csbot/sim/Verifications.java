package csbot.sim;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** One-time codes: issuing them within a per-line rate limit, and checking them. */
final class Verifications {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_CODES = 5;
    static final Duration CODE_WINDOW = Duration.ofMinutes(10);
    /** Codes to the other channel guard a SIM swap: fewer tries, and a cool-down for the line once used up. */
    static final int OTHER_CHANNEL_ATTEMPTS = 3;
    static final Duration OTHER_CHANNEL_COOL_DOWN = Duration.ofMinutes(30);
    /** How long a verified code to the other channel stays good for a reissue or a PUK. */
    static final Duration PROOF_WINDOW = Duration.ofMinutes(30);

    private final ConcurrentHashMap<String, Challenge> byId = new ConcurrentHashMap<>();
    /** Per line, the last {@link #MAX_CODES} challenges, oldest first. */
    private final ConcurrentHashMap<String, Deque<Challenge>> recentByLine = new ConcurrentHashMap<>();
    /** Lines whose codes to the other channel were used up, until when. */
    private final ConcurrentHashMap<String, Instant> lockedUntil = new ConcurrentHashMap<>();
    /** Challenges to the other channel whose lock was acted on, so a later guess does not act again. */
    private final Set<String> usedUp = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    /** Empty when the line was already sent {@link #MAX_CODES} codes within {@link #CODE_WINDOW}. */
    Optional<Challenge> issue(String msisdn, Instant now) {
        return issue(msisdn, false, now);
    }

    /**
     * A code for the line sent to its account's other channel; empty as for {@link #issue(String, Instant)}.
     * The caller checks {@link #lockedUntil} first.
     */
    Optional<Challenge> issueToOtherChannel(String msisdn, Instant now) {
        return issue(msisdn, true, now);
    }

    /** Empty unless the line's codes to the other channel were used up less than the cool-down ago. */
    Optional<Instant> lockedUntil(String msisdn, Instant now) {
        return Optional.ofNullable(lockedUntil.get(msisdn)).filter(now::isBefore);
    }

    /** True when a code to the other channel of this line was verified lately enough to act on. */
    boolean proven(String challengeId, String msisdn, Instant now) {
        Challenge challenge = byId.get(challengeId);
        return challenge != null && challenge.proves(msisdn, now, PROOF_WINDOW);
    }

    private Optional<Challenge> issue(String msisdn, boolean otherChannel, Instant now) {
        Deque<Challenge> recent = recentByLine.computeIfAbsent(msisdn, key -> new ArrayDeque<>());
        synchronized (recent) { // per line: the limit is checked and used up in one step
            if (recent.size() == MAX_CODES) {
                if (recent.peekFirst().issuedAt().isAfter(now.minus(CODE_WINDOW))) {
                    return Optional.empty();
                }
                // older than the window, hence long expired: forgetting it is what bounds memory
                byId.remove(recent.removeFirst().id());
            }
            Challenge challenge = new Challenge(UUID.randomUUID().toString(), msisdn, otherChannel,
                    otherChannel ? OTHER_CHANNEL_ATTEMPTS : Challenge.MAX_ATTEMPTS, newCode(), now, now.plus(VALIDITY));
            recent.addLast(challenge);
            byId.put(challenge.id(), challenge);
            return Optional.of(challenge);
        }
    }

    /** Empty when no such challenge exists. {@code onLocked} runs once when a code to the other channel is used up. */
    Optional<Verdict> check(String challengeId, String code, Instant now, Consumer<Challenge> onLocked) {
        return Optional.ofNullable(byId.get(challengeId)).map(challenge -> {
            Verdict verdict = challenge.check(code, now);
            if (verdict.status() == Verdict.Status.LOCKED && challenge.otherChannel()
                    && usedUp.add(challenge.id())) {
                lockedUntil.put(challenge.msisdn(), now.plus(OTHER_CHANNEL_COOL_DOWN));
                onLocked.accept(challenge);
            }
            return verdict;
        });
    }

    void clear() {
        byId.clear();
        recentByLine.clear();
        lockedUntil.clear();
        usedUp.clear();
    }

    private String newCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }
}
