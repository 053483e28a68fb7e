package csbot.sim;

import java.math.BigDecimal;

/**
 * An amount of money on the wire: TMF quantity with the ISO 4217 currency as {@code units}.
 * Amounts are kept with at least two decimals ({@code 10} becomes {@code 10.00}), so equal amounts look equal.
 */
record MoneyJson(BigDecimal amount, String units) {

    static MoneyJson of(BigDecimal amount, String currency) {
        return new MoneyJson(normalized(amount), currency);
    }

    /** A positive amount in a well-formed currency, as creating requests need it; 400 otherwise. */
    static MoneyJson required(MoneyJson given, String field) {
        if (given == null || given.amount() == null) {
            throw ApiError.badRequest("invalidBody", field + " is required: {amount, units}");
        }
        if (given.amount().signum() <= 0) {
            throw ApiError.badRequest("invalidAmount", field + " must be more than zero");
        }
        return new MoneyJson(normalized(given.amount()), Inputs.currency(given.units()));
    }

    static BigDecimal normalized(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()));
    }
}
