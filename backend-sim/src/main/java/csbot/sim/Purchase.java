package csbot.sim;

import java.math.BigDecimal;

/**
 * What a top-up buys once it is accepted.
 *
 * @param price  what is paid, in {@code currency}
 * @param planId the plan bought, "" for a plain amount
 * @param credit added to the balance
 * @param days   validity added, counted from the later of now and the line's expiry
 */
record Purchase(BigDecimal price, String currency, String planId, BigDecimal credit, int days) {
}
