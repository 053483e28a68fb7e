package csbot.dialogs.topup;

import csbot.backend.TopUpOptions;
import csbot.backend.TopUpPlan;

import java.math.BigDecimal;
import java.util.Optional;

/** Which amounts a line's top-up options allow, and what is wrong with a custom amount a customer typed. */
final class AmountRules {

    /** The verdict on a typed amount. */
    sealed interface Typed {
    }

    record Valid(BigDecimal amount) implements Typed {
    }

    /** @param problem the text key suffix: {@code notANumber}, {@code notPositive}, {@code decimals}, {@code range} */
    record Invalid(String problem) implements Typed {
    }

    private AmountRules() {
    }

    static boolean offered(TopUpOptions options, BigDecimal amount, String planId) {
        if (!planId.isEmpty()) {
            return plan(options, planId).filter(plan -> plan.price().compareTo(amount) == 0).isPresent();
        }
        return options.presets().stream().anyMatch(preset -> preset.compareTo(amount) == 0)
                || typed(options, amount.toPlainString()) instanceof Valid;
    }

    static Optional<TopUpPlan> plan(TopUpOptions options, String planId) {
        return options.plans().stream().filter(plan -> plan.id().equals(planId)).findFirst();
    }

    /**
     * A custom amount as typed: {@code 25}, {@code 25.5}, {@code £25}, {@code 25元}, {@code GBP 1,000}. A currency sign
     * or code and thousands separators are dropped; a comma that could be a decimal comma ({@code 12,50}) is refused
     * rather than guessed, since the amount will be charged.
     */
    static Typed typed(TopUpOptions options, String text) {
        String cleaned = text.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s", "")
                .replaceAll("^(GBP|HKD|CNY|RMB|USD|EUR|HK\\$|US\\$|£|\\$|¥|￥|€)", "")
                .replaceAll("(GBP|HKD|CNY|RMB|USD|EUR|元|块|圆)$", "");
        if (cleaned.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            cleaned = cleaned.replace(",", "");
        }
        if (!cleaned.matches("-?\\d+(\\.\\d+)?")) {
            return new Invalid("notANumber");
        }
        BigDecimal amount = new BigDecimal(cleaned);
        if (amount.signum() <= 0) {
            return new Invalid("notPositive");
        }
        if (amount.stripTrailingZeros().scale() > options.maxDecimals()) {
            return new Invalid("decimals");
        }
        if (amount.compareTo(options.customMin()) < 0 || amount.compareTo(options.customMax()) > 0) {
            return new Invalid("range");
        }
        return new Valid(amount.setScale(options.maxDecimals(), java.math.RoundingMode.UNNECESSARY));
    }

}
