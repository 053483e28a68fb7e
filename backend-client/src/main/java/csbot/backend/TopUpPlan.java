package csbot.backend;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number-keeping package: pay {@code price}, the line's validity is extended by {@code days} and {@code credit}
 * is added to the balance.
 *
 * @param id   stable id to order it by, e.g. {@code keep-90}
 * @param name display name in the backend's words (the bot shows its own text built from days and price)
 */
public record TopUpPlan(String id, String name, int days, BigDecimal price, BigDecimal credit) {

    public TopUpPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(credit, "credit");
    }
}
