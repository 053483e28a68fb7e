package csbot.dialogs.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IccidTest {

    /** 19 digits with a correct Luhn check digit (computed: the sum of the doubled-every-second digits is 0 mod 10). */
    private static final String VALID_19 = "8944500102198304826";
    private static final String VALID_20 = "89852000000000000016";

    @Test
    void acceptsNineteenOrTwentyDigitsStartingWith89AndAValidCheckDigit() {
        assertThat(Luhn.isValid(VALID_19)).isTrue();
        assertThat(Luhn.isValid(VALID_20)).isTrue();
        assertThat(Iccid.check(VALID_19)).isEqualTo(Iccid.Verdict.VALID);
        assertThat(Iccid.check("8944 5001 0219 8304 826")).isEqualTo(Iccid.Verdict.VALID);
        assertThat(Iccid.check(VALID_20)).isEqualTo(Iccid.Verdict.VALID);
    }

    @Test
    void aMistypedDigitIsReportedAsATypo() {
        String typo = VALID_19.substring(0, 10) + (char) ('0' + (VALID_19.charAt(10) - '0' + 1) % 10)
                + VALID_19.substring(11);
        assertThat(Iccid.check(typo)).isEqualTo(Iccid.Verdict.BAD_CHECK_DIGIT);
    }

    @Test
    void otherDigitStringsAreNotIccids() {
        assertThat(Iccid.check("+447911123456")).isEqualTo(Iccid.Verdict.NOT_AN_ICCID);
        assertThat(Iccid.check("7944500102198304826")).isEqualTo(Iccid.Verdict.NOT_AN_ICCID);
        assertThat(Iccid.check("894450010219830482")).isEqualTo(Iccid.Verdict.NOT_AN_ICCID);
        assertThat(Iccid.check("894450010219830482612")).isEqualTo(Iccid.Verdict.NOT_AN_ICCID);
    }
}
