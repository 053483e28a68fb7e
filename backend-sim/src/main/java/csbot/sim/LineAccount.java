package csbot.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One line as the backend stores it. Immutable: updates replace the whole value inside the
 * store's map, which is what keeps concurrent updates of one line consistent without locks.
 *
 * @param allowances what is left of each allowance the plan includes; a missing key means the plan has none
 */
record LineAccount(String id, String msisdn, String iccid, String customerId, CardType cardType, LineStatus status,
                   String currency, BigDecimal balance, Map<Allowance, Long> allowances,
                   Instant validFrom, Instant expiresAt) {

    /** How long after its expiry a number can still be saved by a top-up; after that it is recycled. */
    static final Duration RECOVERY_PERIOD = Duration.ofDays(90);

    LineAccount {
        allowances = allowances.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(allowances)); // enum order: data, voice, sms
    }

    /** A prepaid line that is not topped up by its expiry date stops working by itself; suspension is explicit. */
    LineStatus statusAt(Instant now) {
        return status == LineStatus.ACTIVE && !now.isBefore(expiresAt) ? LineStatus.EXPIRED : status;
    }

    /** False once the number is past saving: a top-up is refused ({@code lineNotActive}). */
    boolean recoverableAt(Instant now) {
        return now.isBefore(expiresAt.plus(RECOVERY_PERIOD));
    }

    /**
     * A completed top-up: the credit is added and the validity extended by {@code days} from the later of now and
     * the expiry date. A line suspended after its expiry date (for non-payment) is active again; a line suspended
     * while still valid (e.g. a lost card) stays suspended.
     */
    LineAccount toppedUp(BigDecimal credit, int days, Instant now) {
        boolean lapsed = !now.isBefore(expiresAt);
        Instant newExpiry = (lapsed ? now : expiresAt).plus(Duration.ofDays(days));
        LineStatus newStatus = status == LineStatus.SUSPENDED && lapsed ? LineStatus.ACTIVE : status;
        return new LineAccount(id, msisdn, iccid, customerId, cardType, newStatus, currency, balance.add(credit),
                allowances, lapsed ? now : validFrom, newExpiry);
    }

    LineAccount withStatus(LineStatus newStatus) {
        return new LineAccount(id, msisdn, iccid, customerId, cardType, newStatus, currency, balance, allowances,
                validFrom, expiresAt);
    }

    LineAccount withBalance(BigDecimal newBalance) {
        return new LineAccount(id, msisdn, iccid, customerId, cardType, status, currency, newBalance, allowances,
                validFrom, expiresAt);
    }

    LineAccount withExpiry(Instant newExpiry) {
        return new LineAccount(id, msisdn, iccid, customerId, cardType, status, currency, balance, allowances,
                validFrom, newExpiry);
    }
}
