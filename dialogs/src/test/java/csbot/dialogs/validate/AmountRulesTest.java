package csbot.dialogs.validate;

import csbot.backend.TopUpOptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts typed for a top-up and levels typed for a low-balance auto top-up, read against a line's options as the
 * simulator gives them (GBP: 1.00–500.00, 2 decimals; HKD: 10–3000, none). Bad input covered: words, a decimal
 * comma, zero and negatives, too many decimals, outside the range; currency signs and codes are fine.
 */
class AmountRulesTest {

    private static final TopUpOptions GBP = new TopUpOptions("GBP", List.of(new BigDecimal("5"),
            new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("50")), List.of(), new BigDecimal("1.00"),
            new BigDecimal("500.00"), 2);
    private static final TopUpOptions HKD = new TopUpOptions("HKD", List.of(new BigDecimal("50")), List.of(),
            new BigDecimal("10"), new BigDecimal("3000"), 0);

    @Test
    void aTypedAmountIsReadWithOrWithoutItsCurrencyAndScaledToTheLine() {
        assertThat(AmountRules.typed(GBP, "25")).isEqualTo(new AmountRules.Valid(new BigDecimal("25.00")));
        assertThat(AmountRules.typed(GBP, " £25.5 ")).isEqualTo(new AmountRules.Valid(new BigDecimal("25.50")));
        assertThat(AmountRules.typed(GBP, "GBP 1,000")).isEqualTo(new AmountRules.Invalid("range"));
        assertThat(AmountRules.typed(GBP, "1,00")).isEqualTo(new AmountRules.Invalid("notANumber"));
        assertThat(AmountRules.typed(HKD, "HK$100")).isEqualTo(new AmountRules.Valid(new BigDecimal("100")));
        assertThat(AmountRules.typed(HKD, "1,000")).isEqualTo(new AmountRules.Valid(new BigDecimal("1000")));
    }

    @Test
    void aTypedAmountOutsideTheRulesSaysWhatIsWrong() {
        assertThat(AmountRules.typed(GBP, "twenty")).isEqualTo(new AmountRules.Invalid("notANumber"));
        assertThat(AmountRules.typed(GBP, "12,50")).isEqualTo(new AmountRules.Invalid("notANumber"));
        assertThat(AmountRules.typed(GBP, "0")).isEqualTo(new AmountRules.Invalid("notPositive"));
        assertThat(AmountRules.typed(GBP, "-5")).isEqualTo(new AmountRules.Invalid("notPositive"));
        assertThat(AmountRules.typed(GBP, "5.555")).isEqualTo(new AmountRules.Invalid("decimals"));
        assertThat(AmountRules.typed(GBP, "0.50")).isEqualTo(new AmountRules.Invalid("range"));
        assertThat(AmountRules.typed(GBP, "500.01")).isEqualTo(new AmountRules.Invalid("range"));
        assertThat(AmountRules.typed(HKD, "55.5")).isEqualTo(new AmountRules.Invalid("decimals"));
    }

    @Test
    void aLevelMayBeAnySmallPositiveAmountUpToTheLargestTopUp() {
        assertThat(AmountRules.level(GBP, "5")).isEqualTo(new AmountRules.Valid(new BigDecimal("5.00")));
        assertThat(AmountRules.level(GBP, "£0.50")).as("below the smallest top-up is a fine level")
                .isEqualTo(new AmountRules.Valid(new BigDecimal("0.50")));
        assertThat(AmountRules.level(GBP, "500")).isEqualTo(new AmountRules.Valid(new BigDecimal("500.00")));
        assertThat(AmountRules.level(HKD, "20元")).isEqualTo(new AmountRules.Valid(new BigDecimal("20")));
    }

    @Test
    void aLevelOutsideTheRulesSaysWhatIsWrong() {
        assertThat(AmountRules.level(GBP, "five pounds")).isEqualTo(new AmountRules.Invalid("notANumber"));
        assertThat(AmountRules.level(GBP, "0")).isEqualTo(new AmountRules.Invalid("notPositive"));
        assertThat(AmountRules.level(GBP, "-1")).isEqualTo(new AmountRules.Invalid("notPositive"));
        assertThat(AmountRules.level(GBP, "4.999")).isEqualTo(new AmountRules.Invalid("decimals"));
        assertThat(AmountRules.level(GBP, "500.01")).isEqualTo(new AmountRules.Invalid("tooHigh"));
        assertThat(AmountRules.level(HKD, "7.5")).isEqualTo(new AmountRules.Invalid("decimals"));
        assertThat(AmountRules.level(HKD, "5000")).isEqualTo(new AmountRules.Invalid("tooHigh"));
    }

    @Test
    void offeredAmountsAreThePresetsAndAnythingTypableWithinTheRange() {
        assertThat(AmountRules.offered(GBP, new BigDecimal("20"), "")).isTrue();
        assertThat(AmountRules.offered(GBP, new BigDecimal("33.33"), "")).isTrue();
        assertThat(AmountRules.offered(GBP, new BigDecimal("999"), "")).isFalse();
        assertThat(AmountRules.offered(GBP, new BigDecimal("5"), "keep-30")).as("no such plan").isFalse();
    }
}
