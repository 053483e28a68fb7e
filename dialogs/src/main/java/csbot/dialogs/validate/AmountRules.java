package csbot.dialogs.validate;

import csbot.backend.TopUpOptions;
import csbot.backend.TopUpPlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Which amounts a line's top-up options allow, and what is wrong with an amount a customer typed: a custom top-up
 * amount (top-up, auto top-up) or the balance level below which an auto top-up runs.
 */
public final class AmountRules {

    /** The verdict on a typed amount. */
    public sealed interface Typed {
    }

    public record Valid(BigDecimal amount) implements Typed {
    }

    /**
     * @param problem the text key suffix: {@code notANumber}, {@code notPositive}, {@code decimals}, {@code range}
     *                (an amount outside the custom range), {@code tooHigh} (a level above the largest amount)
     */
    public record Invalid(String problem) implements Typed {
    }

    private AmountRules() {
    }

    public static boolean offered(TopUpOptions options, BigDecimal amount, String planId) {
        if (!planId.isEmpty()) {
            return plan(options, planId).filter(plan -> plan.price().compareTo(amount) == 0).isPresent();
        }
        return options.presets().stream().anyMatch(preset -> preset.compareTo(amount) == 0)
                || typed(options, amount.toPlainString()) instanceof Valid;
    }

    public static Optional<TopUpPlan> plan(TopUpOptions options, String planId) {
        return options.plans().stream().filter(plan -> plan.id().equals(planId)).findFirst();
    }

    /**
     * A custom amount as typed: {@code 25}, {@code 25.5}, {@code £25}, {@code 25元}, {@code GBP 1,000}. A currency sign
     * or code and thousands separators are dropped; a comma that could be a decimal comma ({@code 12,50}) is refused
     * rather than guessed, since the amount will be charged.
     */
    public static Typed typed(TopUpOptions options, String text) {
        Typed parsed = parse(options, text);
        if (parsed instanceof Valid valid && (valid.amount().compareTo(options.customMin()) < 0
                || valid.amount().compareTo(options.customMax()) > 0)) {
            return new Invalid("range");
        }
        return parsed;
    }

    /**
     * A balance level typed for a low-balance auto top-up ("top up when the balance falls below it"), read as
     * {@link #typed}: above zero, no more decimals than the line's amounts, and at most the largest custom amount
     * (a higher level would top up a line that is anything but low).
     */
    public static Typed level(TopUpOptions options, String text) {
        Typed parsed = parse(options, text);
        if (parsed instanceof Valid valid && valid.amount().compareTo(options.customMax()) > 0) {
            return new Invalid("tooHigh");
        }
        return parsed;
    }

    /** A positive amount with no more decimals than the options allow, scaled to them; no range checked. */
    private static Typed parse(TopUpOptions options, String text) {
        String cleaned = text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s", "")
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
        return new Valid(amount.setScale(options.maxDecimals(), RoundingMode.UNNECESSARY));
    }
}
