package csbot.sim;

import java.math.BigDecimal;

/** A number-keeping plan: pay {@code price}, validity extended by {@code days}, {@code credit} added. Also its JSON. */
record TopUpPlan(String id, String name, int days, BigDecimal price, BigDecimal credit) {
}
