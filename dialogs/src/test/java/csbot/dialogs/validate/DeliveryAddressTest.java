package csbot.dialogs.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryAddressTest {

    @Test
    void aUkAddressWithItsPostcodeIsKeptOnOneLine() {
        assertThat(DeliveryAddress.check("Flat 2, 10 Downing St\n London  SW1A 2AA", "GB"))
                .isEqualTo(new DeliveryAddress.Fit("Flat 2, 10 Downing St, London SW1A 2AA"));
        assertThat(DeliveryAddress.check("广东省深圳市福田区深南大道 6008 号 518000", "CN"))
                .isInstanceOf(DeliveryAddress.Fit.class);
        assertThat(DeliveryAddress.check("香港九龍旺角彌敦道 688 號 12 樓", "HK")).isInstanceOf(DeliveryAddress.Fit.class);
    }

    /** Bad input: each problem has its own answer, so the customer knows what to add. */
    @Test
    void eachProblemIsNamed() {
        assertThat(DeliveryAddress.check("London", "GB"))
                .isEqualTo(new DeliveryAddress.Unfit(DeliveryAddress.Problem.TOO_SHORT));
        assertThat(DeliveryAddress.check("1 High Street, ".repeat(20) + "SW1A 1AA", "GB"))
                .isEqualTo(new DeliveryAddress.Unfit(DeliveryAddress.Problem.TOO_LONG));
        assertThat(DeliveryAddress.check("High Street, London", "GB"))
                .isEqualTo(new DeliveryAddress.Unfit(DeliveryAddress.Problem.NO_HOUSE_NUMBER));
        assertThat(DeliveryAddress.check("High Street, London SW1A 1AA", "GB"))
                .as("the postcode's digits are not a house number")
                .isEqualTo(new DeliveryAddress.Unfit(DeliveryAddress.Problem.NO_HOUSE_NUMBER));
        assertThat(DeliveryAddress.check("1 High Street, London", "GB"))
                .isEqualTo(new DeliveryAddress.Unfit(DeliveryAddress.Problem.NO_POSTCODE));
        assertThat(DeliveryAddress.check("深圳市福田区深南大道 6008 号", "CN"))
                .isEqualTo(new DeliveryAddress.Unfit(DeliveryAddress.Problem.NO_POSTCODE));
    }

    @Test
    void theRegionOfANumberPicksThePostcodeRule() {
        assertThat(PhoneNumbers.region("+447400123123")).isEqualTo("GB");
        assertThat(PhoneNumbers.region("+85251234567")).isEqualTo("HK");
        assertThat(PhoneNumbers.region("+8613800138000")).isEqualTo("CN");
    }
}
