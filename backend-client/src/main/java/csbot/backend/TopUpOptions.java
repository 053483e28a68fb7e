package csbot.backend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a line can be topped up with: preset amounts, number-keeping plans, and the range of a custom amount.
 *
 * @param currency    the line's currency; every amount here is in it
 * @param presets     amounts offered as buttons
 * @param plans       packages that keep the number for a period (30, 90, 365 days …)
 * @param customMin   smallest custom amount accepted
 * @param customMax   largest custom amount accepted
 * @param maxDecimals decimal places a custom amount may have (2 for GBP, 0 for JPY)
 */
public record TopUpOptions(String currency, List<BigDecimal> presets, List<TopUpPlan> plans, BigDecimal customMin,
                           BigDecimal customMax, int maxDecimals) {

    public TopUpOptions {
        Objects.requireNonNull(currency, "currency");
        presets = List.copyOf(presets);
        plans = List.copyOf(plans);
        Objects.requireNonNull(customMin, "customMin");
        Objects.requireNonNull(customMax, "customMax");
    }
}
