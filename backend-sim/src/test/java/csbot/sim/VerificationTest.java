package csbot.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VerificationTest extends SimulatorTestBase {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Test
    void sendsASixDigitCodeBySmsWithTheWarningInBothLanguages() throws IOException {
        SimClient.Answer sent = client.post("/ext/v1/verifications", "{\"msisdn\":\"" + WEI_SIM + "\",\"channel\":\"sms\"}");

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("maskedDestination").asText()).isEqualTo("+44 ••••••3123");
        assertThat(sim.sms(WEI_SIM)).singleElement().satisfies(sms -> {
            assertThat(sms.text()).containsPattern(CODE).contains("请勿将验证码告诉任何人").contains("Never share this code");
            assertThat(sms.sentAt()).isCloseTo(sim.clock().now(), within(1, ChronoUnit.MINUTES));
        });
        SimClient.Answer outbox = client.get("/sim/sms?msisdn=" + SimClient.encode(WEI_SIM));
        assertThat(outbox.json().get(0).get("text").asText()).isEqualTo(sim.sms(WEI_SIM).get(0).text());
        assertThat(outbox.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void theRightCodeVerifiesOnceOnly() throws IOException {
        String id = client.sendCode(WEI_SIM);

        assertThat(status(client.check(id, lastCode(WEI_SIM)))).isEqualTo("verified 5");
        assertThat(status(client.check(id, lastCode(WEI_SIM)))).isEqualTo("expired 5");
    }

    @Test
    void aWrongCodeIsAnAnswerAndCostsAnAttempt() throws IOException {
        String id = client.sendCode(WEI_SIM);

        SimClient.Answer wrong = client.check(id, wrongCode(WEI_SIM));

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(status(wrong)).isEqualTo("wrongCode 4");
        assertThat(status(client.check(id, lastCode(WEI_SIM)))).isEqualTo("verified 4");
    }

    @Test
    void theFifthWrongCodeLocksEvenAgainstTheRightOne() throws IOException {
        String id = client.sendCode(WEI_SIM);
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(status(client.check(id, wrongCode(WEI_SIM)))).isEqualTo("wrongCode " + (5 - attempt));
        }

        assertThat(status(client.check(id, wrongCode(WEI_SIM)))).isEqualTo("locked 0");
        assertThat(status(client.check(id, lastCode(WEI_SIM)))).isEqualTo("locked 0");
    }

    @Test
    void aCodeExpiresAfterFiveMinutesOfSimulatorTime() throws IOException {
        String id = client.sendCode(WEI_SIM);
        String code = lastCode(WEI_SIM);

        sim.clock().advance(Duration.ofMinutes(5));

        assertThat(status(client.check(id, code))).isEqualTo("expired 5");
    }

    @Test
    void atMostFiveCodesPerLineInTenMinutes() throws IOException {
        for (int i = 0; i < 5; i++) {
            client.sendCode(CHAN_MEI);
        }

        SimClient.Answer sixth = client.post("/ext/v1/verifications", "{\"msisdn\":\"" + CHAN_MEI + "\",\"channel\":\"sms\"}");

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().get("code").asText()).isEqualTo("tooManyCodes");
        assertThat(sim.sms(CHAN_MEI)).hasSize(5);
        assertThat(client.sendCode(WEI_SIM)).as("other lines are not affected").isNotEmpty();

        client.post("/sim/admin/clock", "{\"advanceSeconds\":600}");
        assertThat(client.sendCode(CHAN_MEI)).isNotEmpty();
    }

    @Test
    void unknownLinesAndVerificationsAreNotFound() throws IOException {
        SimClient.Answer unknownLine = client.post("/ext/v1/verifications", "{\"msisdn\":\"+447400123000\",\"channel\":\"sms\"}");
        SimClient.Answer unknownId = client.check("no-such-id", "123456");

        assertThat(unknownLine.status()).isEqualTo(404);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.json().get("code").asText()).isEqualTo("notFound");
    }

    @Test
    void malformedRequestsAreRejectedWithAReasonCode() throws IOException {
        assertThat(client.post("/ext/v1/verifications", "{\"msisdn\":\"07400123123\",\"channel\":\"sms\"}")
                .json().get("code").asText()).isEqualTo("invalidMsisdn");
        assertThat(client.post("/ext/v1/verifications", "{\"msisdn\":\"" + WEI_SIM + "\",\"channel\":\"pigeon\"}")
                .json().get("code").asText()).isEqualTo("unsupportedChannel");
        assertThat(client.post("/ext/v1/verifications", "not json").json().get("code").asText()).isEqualTo("invalidBody");
        assertThat(client.check(client.sendCode(WEI_SIM), "").status()).isEqualTo(400);
    }

    private static String status(SimClient.Answer check) {
        return check.json().get("status").asText() + " " + check.json().get("attemptsLeft").asInt();
    }

    private static String lastCode(String msisdn) {
        Matcher code = CODE.matcher(sim.sms(msisdn).get(sim.sms(msisdn).size() - 1).text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static String wrongCode(String msisdn) {
        return "%06d".formatted((Integer.parseInt(lastCode(msisdn)) + 1) % 1_000_000);
    }
}
