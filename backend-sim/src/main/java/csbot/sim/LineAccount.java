package csbot.sim;

import java.math.BigDecimal;
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

    LineAccount {
        allowances = allowances.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(allowances)); // enum order: data, voice, sms
    }

    /** A prepaid line that is not topped up by its expiry date stops working by itself; suspension is explicit. */
    LineStatus statusAt(Instant now) {
        return status == LineStatus.ACTIVE && !now.isBefore(expiresAt) ? LineStatus.EXPIRED : status;
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
