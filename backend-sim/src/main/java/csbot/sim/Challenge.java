package csbot.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/** One code sent to a line, and what has been tried against it. */
final class Challenge {

    private static final int MAX_ATTEMPTS = 5;

    private final String id;
    private final String code;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private int attemptsLeft = MAX_ATTEMPTS;
    private boolean used;

    Challenge(String id, String code, Instant issuedAt, Instant expiresAt) {
        this.id = id;
        this.code = code;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** Synchronized per challenge: two concurrent guesses must each use up an attempt. */
    synchronized Verdict check(String attempt, Instant now) {
        if (attemptsLeft == 0) {
            return new Verdict(Verdict.Status.LOCKED, 0);
        }
        if (used || !now.isBefore(expiresAt)) {
            // a code proves possession once; replaying a verified challenge must not verify again
            return new Verdict(Verdict.Status.EXPIRED, attemptsLeft);
        }
        // constant-time comparison: response timing must not leak how many leading digits were right
        if (MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII), attempt.getBytes(StandardCharsets.US_ASCII))) {
            used = true;
            return new Verdict(Verdict.Status.VERIFIED, attemptsLeft);
        }
        attemptsLeft--;
        return new Verdict(attemptsLeft == 0 ? Verdict.Status.LOCKED : Verdict.Status.WRONG_CODE, attemptsLeft);
    }

    String id() {
        return id;
    }

    String code() {
        return code;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
