package csbot.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedDataTest extends SimulatorTestBase {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Test
    void demoLinesAreListedWithTheirOwners() throws IOException {
        SimClient.Answer listed = client.get("/sim/customers");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(lines(listed.json())).extracting(line -> line.get("msisdn").asText() + " " + line.get("name").asText()
                        + " " + line.get("cardType").asText() + " " + line.get("status").asText()
                        + " " + line.get("currency").asText() + " " + line.get("balance").decimalValue())
                .containsExactly(
                        "+447400123123 Wei Zhang 张伟 SIM active GBP 12.50",
                        "+447400123456 Wei Zhang 张伟 eSIM active GBP 30.00",
                        "+85251234567 Chan Mei 陈美 eSIM active HKD 8.00",
                        "+8613800138000 Li Na 李娜 SIM suspended CNY 20.00");
    }

    @Test
    void expiryDatesAreRelativeToTheSimulatorClock() throws IOException {
        Instant now = sim.clock().now();
        List<Long> daysToExpiry = lines(client.get("/sim/customers").json()).stream()
                .map(line -> Duration.between(now, Instant.parse(line.get("expiresAt").asText())))
                .map(left -> Math.round(left.toMinutes() / (24 * 60.0)))
                .toList();

        assertThat(daysToExpiry).containsExactly(45L, 200L, 6L, -3L);
    }

    @Test
    void everyIccidHasAValidLuhnCheckDigit() throws IOException {
        for (JsonNode line : lines(client.get("/sim/customers").json())) {
            String iccid = line.get("iccid").asText();
            assertThat(iccid).matches("89[0-9]{17,18}");
            assertThat(luhnValid(iccid)).as(iccid).isTrue();
        }
    }

    /**
     * Every demo number must pass the bot's own validation (libphonenumber {@code isValidNumber}), or a customer
     * could not type it. The UK lines use libphonenumber's example mobile range +44 7400 123xxx: Ofcom's drama range
     * 07700 900xxx would be safer still, but libphonenumber calls it invalid because it is never assigned.
     */
    @Test
    void everyDemoNumberIsAValidMobileNumber() throws IOException, NumberParseException {
        List<String> numbers = lines(client.get("/sim/customers").json()).stream()
                .map(line -> line.get("msisdn").asText())
                .toList();

        assertThat(numbers).hasSize(4).contains(CHAN_MEI, LI_NA);
        assertThat(numbers.stream().filter(msisdn -> msisdn.startsWith("+44")))
                .hasSize(2).allMatch(msisdn -> msisdn.matches("\\+447400123\\d{3}"));
        for (String msisdn : numbers) {
            PhoneNumber number = PHONES.parse(msisdn, "ZZ");
            assertThat(PHONES.isValidNumber(number)).as(msisdn).isTrue();
            assertThat(PHONES.getNumberType(number)).as(msisdn).isEqualTo(PhoneNumberType.MOBILE);
        }
    }

    @Test
    void generatedIccidsAreValidToo() {
        assertThat(luhnValid(Iccids.withCheckDigit("899900000000000001"))).isTrue();
        assertThat(Iccids.isValid("8944200000000123454")).isTrue();
        assertThat(Iccids.isValid("8944200000000123455")).isFalse();
    }

    @Test
    void lowBalanceAndShortExpiryShowInTheBuckets() throws IOException {
        JsonNode buckets = client.get("/bucket?logicalResource.value=" + SimClient.encode(CHAN_MEI)).json();

        JsonNode money = buckets.get(0);
        assertThat(money.get("usageType").asText()).isEqualTo("monetary");
        assertThat(money.get("remainingValue").get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("8.00"));
        assertThat(money.get("remainingValue").get("units").asText()).isEqualTo("HKD");
        assertThat(Instant.parse(money.get("validFor").get("endDateTime").asText()))
                .isCloseTo(sim.clock().now().plus(Duration.ofDays(6)), within(1, ChronoUnit.MINUTES));
    }

    /** Written independently of {@link Iccids}: sum with every second digit from the right doubled. */
    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (digit * 2) / 10 + (digit * 2) % 10 : digit;
        }
        return sum % 10 == 0;
    }

    private static List<JsonNode> lines(JsonNode array) {
        List<JsonNode> lines = new ArrayList<>();
        array.forEach(lines::add);
        return lines;
    }
}
