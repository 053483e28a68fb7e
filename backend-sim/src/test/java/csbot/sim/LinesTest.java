package csbot.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LinesTest extends SimulatorTestBase {

    @Test
    void findsALineByNumberOrByIccid() throws IOException {
        JsonNode byNumber = client.get("/ext/v1/lines?msisdn=" + SimClient.encode(WEI_SIM)).json();
        JsonNode byIccid = client.get("/ext/v1/lines?iccid=" + byNumber.get("iccid").asText()).json();

        assertThat(byNumber.get("ownerInitial").asText()).isEqualTo("W");
        assertThat(byNumber.get("type").asText()).isEqualTo("SIM");
        assertThat(byNumber.get("status").asText()).isEqualTo("active");
        assertThat(byNumber.get("currency").asText()).isEqualTo("GBP");
        assertThat(byIccid).isEqualTo(byNumber);
    }

    @Test
    void anUnencodedPlusArrivesAsASpaceAndIsRejected() throws IOException {
        SimClient.Answer answer = client.get("/ext/v1/lines?msisdn=+447400123123");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("invalidMsisdn");
    }

    @Test
    void badQueriesAndUnknownLinesAreTold() throws IOException {
        assertThat(client.get("/ext/v1/lines").json().get("code").asText()).isEqualTo("invalidQuery");
        assertThat(client.get("/ext/v1/lines?iccid=8944200000000123455").json().get("code").asText())
                .isEqualTo("invalidIccid");
        assertThat(client.get("/ext/v1/lines?msisdn=%2B447400123000").status()).isEqualTo(404);
        assertThat(client.get("/bucket?logicalResource.value=%2B447400123000").status()).isEqualTo(404);
        assertThat(client.get("/bucket").json().get("code").asText()).isEqualTo("invalidQuery");
        assertThat(client.get("/nowhere").status()).isEqualTo(404);
        assertThat(client.delete("/bucket").status()).isEqualTo(405);
    }

    @Test
    void bucketsCarryMoneyAndEachAllowanceWithTmfUnits() throws IOException {
        JsonNode buckets = client.get("/bucket?logicalResource.value=" + SimClient.encode(WEI_SIM)).json();

        assertThat(buckets).extracting(b -> b.get("usageType").asText() + " " + b.get("remainingValue").get("amount")
                        .decimalValue().toPlainString() + " " + b.get("remainingValue").get("units").asText())
                .containsExactly("monetary 12.50 GBP", "data 3072 MB", "voice 120 min", "sms 50 sms");
        assertThat(buckets).allSatisfy(b -> assertThat(b.get("@type").asText()).isEqualTo("Bucket"));
    }

    @Test
    void anActiveLineExpiresByItselfWhenItsDateHasPassed() throws IOException {
        sim.clock().advance(java.time.Duration.ofDays(46));

        assertThat(client.get("/ext/v1/lines?msisdn=" + SimClient.encode(WEI_SIM)).json().get("status").asText())
                .isEqualTo("expired");
        assertThat(client.get("/ext/v1/lines?msisdn=" + SimClient.encode(LI_NA)).json().get("status").asText())
                .as("suspension is not undone by time").isEqualTo("suspended");
    }

    @Test
    void adminChangesALine() throws IOException {
        SimClient.Answer changed = client.post("/sim/admin/lines", "{\"msisdn\":\"" + LI_NA + "\",\"status\":\"active\","
                + "\"balance\":55.5,\"expiresAt\":\"2099-01-01T00:00:00Z\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("status").asText()).isEqualTo("active");
        JsonNode money = client.get("/bucket?logicalResource.value=" + SimClient.encode(LI_NA)).json().get(0);
        assertThat(money.get("remainingValue").get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("55.5"));
        assertThat(money.get("validFor").get("endDateTime").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(client.post("/sim/admin/lines", "{\"msisdn\":\"+447400123000\"}").status()).isEqualTo(404);
    }

    @Test
    void adminAddsCustomersWithGeneratedIccids() throws IOException {
        String customer = "{\"name\":\"Bench User\",\"lines\":[{\"msisdn\":\"+447400123555\",\"currency\":\"GBP\","
                + "\"balance\":5,\"dataMb\":100}]}";

        SimClient.Answer added = client.post("/sim/admin/customers", customer);

        assertThat(added.status()).isEqualTo(201);
        String iccid = added.json().get("lines").get(0).get("iccid").asText();
        assertThat(Iccids.isValid(iccid)).isTrue();
        assertThat(client.get("/ext/v1/lines?iccid=" + iccid).json().get("ownerInitial").asText()).isEqualTo("B");
        assertThat(client.get("/bucket?logicalResource.value=%2B447400123555").json()).hasSize(2);
        assertThat(client.post("/sim/admin/customers", customer).json().get("code").asText()).isEqualTo("lineExists");
    }

    @Test
    void resetForgetsChangesAndReseeds() throws IOException {
        client.post("/sim/admin/lines", "{\"msisdn\":\"" + WEI_SIM + "\",\"status\":\"suspended\"}");
        client.sendCode(WEI_SIM);

        assertThat(client.post("/sim/admin/reset", "").status()).isEqualTo(204);

        assertThat(client.get("/ext/v1/lines?msisdn=" + SimClient.encode(WEI_SIM)).json().get("status").asText())
                .isEqualTo("active");
        assertThat(sim.sms(WEI_SIM)).isEmpty();
    }

    @Test
    void hubKeepsSubscriptionsUntilDeleted() throws IOException {
        SimClient.Answer created = client.post("/hub", "{\"callback\":\"http://127.0.0.1:9/events\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("query").asText()).isEmpty();
        String id = created.json().get("id").asText();
        assertThat(client.delete("/hub/" + id).status()).isEqualTo(204);
        assertThat(client.delete("/hub/" + id).status()).isEqualTo(404);
        assertThat(client.post("/hub", "{\"callback\":\"not a url\"}").json().get("code").asText())
                .isEqualTo("invalidCallback");
    }
}
