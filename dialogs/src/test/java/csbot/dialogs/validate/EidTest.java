package csbot.dialogs.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EidTest {

    /** 32 digits whose value mod 97 is 1 (check digits 03 computed for the first 30). */
    static final String VALID = "89049032123456789012345678901203";

    @Test
    void acceptsThirtyTwoDigitsWhoseValueModNinetySevenIsOne() {
        assertThat(Eid.check(VALID)).isEqualTo(Eid.Verdict.VALID);
        assertThat(Eid.check("8904 9032 1234 5678 9012 3456 7890 1203")).isEqualTo(Eid.Verdict.VALID);
    }

    /** Bad input: one digit mistyped, or two swapped — the check digits catch both. */
    @Test
    void aMistypedOrSwappedDigitIsReportedAsATypo() {
        assertThat(Eid.check(VALID.substring(0, 20) + "9" + VALID.substring(21))).isEqualTo(Eid.Verdict.BAD_CHECK_DIGITS);
        assertThat(Eid.check(VALID.substring(0, 10) + VALID.charAt(11) + VALID.charAt(10) + VALID.substring(12)))
                .isEqualTo(Eid.Verdict.BAD_CHECK_DIGITS);
    }

    /** Bad input: too short, too long, not starting 89, letters (an IMEI or an ICCID typed instead). */
    @Test
    void otherInputIsNotAnEid() {
        assertThat(Eid.check(VALID.substring(1))).isEqualTo(Eid.Verdict.NOT_AN_EID);
        assertThat(Eid.check(VALID + "0")).isEqualTo(Eid.Verdict.NOT_AN_EID);
        assertThat(Eid.check("79" + VALID.substring(2))).isEqualTo(Eid.Verdict.NOT_AN_EID);
        assertThat(Eid.check("353918051234563")).isEqualTo(Eid.Verdict.NOT_AN_EID);
        assertThat(Eid.check("8944200000000123454")).isEqualTo(Eid.Verdict.NOT_AN_EID);
        assertThat(Eid.check("89049032abc")).isEqualTo(Eid.Verdict.NOT_AN_EID);
        assertThat(Eid.mask(VALID)).isEqualTo("89•••1203");
    }
}
