package csbot.backend;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * TMF quantity. For a monetary bucket {@code units} is the ISO 4217 currency; data is in {@code MB},
 * voice in {@code min}, SMS in {@code sms}. Money is never a floating-point number.
 */
public record Quantity(BigDecimal amount, String units) {

    public Quantity {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(units, "units");
    }
}
