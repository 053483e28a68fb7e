package csbot.backend;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount of money in an ISO 4217 currency ({@code XTR} for Telegram Stars). Never floating point. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
