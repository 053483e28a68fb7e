package csbot.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A line as the simulator's own tools list it: more than the contract shows, for tests and demos — also the account's
 * alternate number, whose SMS (codes for a SIM change or a PUK) the demo page shows with the line's.
 */
record LineSummary(String name, String msisdn, String iccid, CardType cardType, LineStatus status, String currency,
                   BigDecimal balance, Instant expiresAt, String alternateNumber) {

    static LineSummary of(Customer owner, LineAccount line, Instant now) {
        return new LineSummary(owner.name(), line.msisdn(), line.iccid(), line.cardType(), line.statusAt(now),
                line.currency(), line.balance(), line.expiresAt(), owner.alternateNumber());
    }
}
