package csbot.sim;

import java.math.BigDecimal;
import java.time.Instant;

/** A line as the simulator's own tools list it: more than the contract shows, for tests and demos. */
record LineSummary(String name, String msisdn, String iccid, CardType cardType, LineStatus status, String currency,
                   BigDecimal balance, Instant expiresAt) {

    static LineSummary of(Customer owner, LineAccount line, Instant now) {
        return new LineSummary(owner.name(), line.msisdn(), line.iccid(), line.cardType(), line.statusAt(now),
                line.currency(), line.balance(), line.expiresAt());
    }
}
