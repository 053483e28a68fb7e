package csbot.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * One code sent for a line — to the line itself, or to the account's other channel — and what has been tried
 * against it.
 */
final class Challenge {

    static final int MAX_ATTEMPTS = 5;

    private final String id;
    private final String msisdn;
    private final boolean otherChannel;
    private final String code;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private int attemptsLeft;
    private boolean used;
    private Instant verifiedAt = Instant.MIN;

    Challenge(String id, String msisdn, boolean otherChannel, int maxAttempts, String code, Instant issuedAt,
              Instant expiresAt) {
        this.id = id;
        this.msisdn = msisdn;
        this.otherChannel = otherChannel;
        this.attemptsLeft = maxAttempts;
        this.code = code;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * True when this is a code sent to the other channel of {@code line}'s account, verified within {@code window}:
     * the proof a reissue or a PUK disclosure asks for.
     */
    synchronized boolean proves(String line, Instant now, Duration window) {
        return otherChannel && used && msisdn.equals(line) && !now.isAfter(verifiedAt.plus(window));
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
            verifiedAt = now;
            return new Verdict(Verdict.Status.VERIFIED, attemptsLeft);
        }
        attemptsLeft--;
        return new Verdict(attemptsLeft == 0 ? Verdict.Status.LOCKED : Verdict.Status.WRONG_CODE, attemptsLeft);
    }

    String msisdn() {
        return msisdn;
    }

    boolean otherChannel() {
        return otherChannel;
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
