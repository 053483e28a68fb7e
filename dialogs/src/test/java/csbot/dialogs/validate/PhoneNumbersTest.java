package csbot.dialogs.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "'+44 7911 123456', +447911123456",
            "'0044 7911-123456', +447911123456",
            "'+852 5123 4567', +85251234567",
            "'(+86) 138 0013 8000', +8613800138000",
            "13800138000, +8613800138000"})
    void typedNumbersWithACountryCodeOrAMainlandMobileBecomeE164(String typed, String e164) {
        assertThat(PhoneNumbers.parseTyped(typed)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"07911123456", "12345", "+44 12", "hello", "+999 123456789", "8944100000000000001"})
    void ambiguousOrInvalidNumbersAreRefused(String typed) {
        assertThat(PhoneNumbers.parseTyped(typed)).isEmpty();
    }

    @Test
    void telegramSharesNumbersWithOrWithoutPlus() {
        assertThat(PhoneNumbers.parseShared("447911123456")).contains("+447911123456");
        assertThat(PhoneNumbers.parseShared("+85251234567")).contains("+85251234567");
        assertThat(PhoneNumbers.parseShared("123")).isEmpty();
    }

    @Test
    void maskKeepsTheCountryCodeAndLastFourDigitsOnly() {
        assertThat(PhoneNumbers.mask("+447911123456")).isEqualTo("+44 •••• 3456");
        assertThat(PhoneNumbers.mask("+8613800138000")).isEqualTo("+86 •••• 8000").doesNotContain("138001");
    }
}
