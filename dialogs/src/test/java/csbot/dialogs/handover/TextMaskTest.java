package csbot.dialogs.handover;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What transcripts and context cards never keep in clear: numbers, ICCIDs, ID numbers, codes. Amounts stay. */
class TextMaskTest {

    @Test
    void numbersAndCodesAreMaskedAmountsAreNot() {
        assertThat(TextMask.mask("my number +44 7400 123123, code 482913"))
                .isEqualTo("my number +44 •••• 3123, code ••••••");
        assertThat(TextMask.mask("ICCID 8944200000000123454 and ID 110101199003077777"))
                .isEqualTo("ICCID •••• 3454 and ID •••• 7777");
        assertThat(TextMask.mask("top up £25.00 or 1000 yen on 22/11")).isEqualTo("top up £25.00 or 1000 yen on 22/11");
    }
}
