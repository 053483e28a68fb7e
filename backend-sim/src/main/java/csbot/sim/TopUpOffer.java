package csbot.sim;

import java.math.BigDecimal;
import java.util.List;

/**
 * What lines in one currency can be topped up with; also the JSON of {@code GET /ext/v1/lines/{msisdn}/topupOptions}.
 * Refusals are 422s with the contract's reason codes.
 */
record TopUpOffer(String currency, List<BigDecimal> presets, List<TopUpPlan> plans, BigDecimal customMin,
                  BigDecimal customMax, int maxDecimals) {

    /** Validity a plain amount adds. */
    static final int PLAIN_AMOUNT_DAYS = 30;

    TopUpOffer {
        presets = List.copyOf(presets);
        plans = List.copyOf(plans);
    }

    /** What paying {@code amount} buys: a plan's credit and days, or the amount itself and 30 days. */
    Purchase price(MoneyJson amount, String planId) {
        requireCurrency(amount);
        if (planId.isEmpty()) {
            return new Purchase(custom(amount, "amount"), currency, "", amount.amount(), PLAIN_AMOUNT_DAYS);
        }
        TopUpPlan plan = plans.stream().filter(candidate -> candidate.id().equals(planId)).findFirst()
                .orElseThrow(() -> ApiError.unprocessable("unknownPlan", "no plan " + planId + " for " + currency));
        if (plan.price().compareTo(amount.amount()) != 0) {
            throw ApiError.unprocessable("amountMismatch",
                    "plan " + planId + " costs " + currency + " " + plan.price().toPlainString());
        }
        return new Purchase(amount.amount(), currency, planId, plan.credit(), plan.days());
    }

    /** A custom amount (also an auto top-up's): in the currency, no more decimals than allowed, within the range. */
    BigDecimal custom(MoneyJson amount, String field) {
        requireCurrency(amount);
        if (amount.amount().stripTrailingZeros().scale() > maxDecimals) {
            throw ApiError.unprocessable("tooManyDecimals",
                    field + " may have at most " + maxDecimals + " decimal places in " + currency);
        }
        if (amount.amount().compareTo(customMin) < 0 || amount.amount().compareTo(customMax) > 0) {
            throw ApiError.unprocessable("amountOutOfRange", field + " must be between " + currency + " "
                    + customMin.toPlainString() + " and " + customMax.toPlainString());
        }
        return amount.amount();
    }

    /** A low-balance threshold: in the currency, above zero, at most the largest custom amount. */
    BigDecimal threshold(MoneyJson threshold) {
        requireCurrency(threshold);
        if (threshold.amount().compareTo(customMax) > 0 || threshold.amount().stripTrailingZeros().scale() > 2) {
            throw ApiError.unprocessable("thresholdOutOfRange", "threshold must be above zero and at most "
                    + currency + " " + customMax.toPlainString() + ", with at most 2 decimal places");
        }
        return threshold.amount();
    }

    private void requireCurrency(MoneyJson amount) {
        if (!currency.equals(amount.units())) {
            throw ApiError.unprocessable("currencyMismatch", "this line is topped up in " + currency);
        }
    }
}
