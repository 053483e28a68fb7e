package csbot.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's reissue rules over HTTP: codes to the other channel (3 tries, the warning there, the line's lock),
 * proof before a PUK or an order, the order's life (fee taken, notice to the other number, cancel window, progress,
 * new ICCID, lost-card suspension lifted, fee given back when it fails), and its events.
 */
class ReissueTest extends SimulatorTestBase {

    private static final String WEI_ALTERNATE = "+447400123789";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Test
    void aCodeToTheOtherChannelGoesToTheAlternateNumberAndThreeWrongOnesLockTheLine() throws IOException {
        SimClient.Answer sent = sendToOtherChannel(WEI_SIM);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("maskedDestination").asText()).isEqualTo("+44 ••••••3789");
        assertThat(sim.sms(WEI_SIM)).as("nothing to the line itself").isEmpty();
        assertThat(sim.sms(WEI_ALTERNATE)).singleElement().satisfies(sms -> assertThat(sms.text())
                .contains("SIM replacement or PUK of +44 ••••••3123", "If this was not you"));
        String id = sent.json().get("id").asText();
        String wrong = "000000".equals(lastCode(WEI_ALTERNATE)) ? "111111" : "000000";

        assertThat(client.check(id, wrong).json().get("status").asText()).isEqualTo("wrongCode");
        assertThat(client.check(id, wrong).json().get("attemptsLeft").asInt()).isEqualTo(1);
        assertThat(client.check(id, wrong).json().get("status").asText()).isEqualTo("locked");

        assertThat(sim.sms(WEI_ALTERNATE).get(1).text()).contains("Three wrong codes", "+44 ••••••3123");
        SimClient.Answer again = sendToOtherChannel(WEI_SIM);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.json().get("code").asText()).isEqualTo("verificationLocked");
        assertThat(client.post("/ext/v1/verifications", "{\"msisdn\":\"" + WEI_SIM + "\",\"channel\":\"sms\"}").status())
                .as("linking by a code to the line is another matter").isEqualTo(201);
        sim.clock().advance(Duration.ofMinutes(30));
        assertThat(sendToOtherChannel(WEI_SIM).status()).isEqualTo(201);
    }

    @Test
    void thePukNeedsAFreshlyVerifiedCodeToTheOtherChannel() throws IOException {
        String toTheLine = client.sendCode(WEI_SIM);
        client.check(toTheLine, lastCode(WEI_SIM));
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(WEI_SIM) + "/puk?verificationId=" + toTheLine)
                .json().get("code").asText()).as("a code to the line proves nothing here").isEqualTo("notVerified");

        String proof = verifiedProof(WEI_SIM);
        SimClient.Answer puk = client.get("/ext/v1/lines/" + SimClient.encode(WEI_SIM) + "/puk?verificationId=" + proof);
        assertThat(puk.json().get("puk").asText()).matches("\\d{8}");
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(WEI_SIM_ESIM) + "/puk?verificationId=" + proof)
                .json().get("code").asText()).as("proof for another line").isEqualTo("notVerified");
        sim.clock().advance(Duration.ofMinutes(31));
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(WEI_SIM) + "/puk?verificationId=" + proof)
                .json().get("code").asText()).as("proof too old").isEqualTo("notVerified");
    }

    @Test
    void aLostSimIsSuspendedThenReplacedOnANewCardAndTheFeeIsTaken() throws IOException {
        String iccid = lineOf(WEI_SIM).get("iccid").asText();
        assertThat(client.post("/ext/v1/lines/" + SimClient.encode(WEI_SIM) + "/suspension", "{\"reason\":\"lost\"}")
                .json().get("status").asText()).isEqualTo("suspended");
        JsonNode quote = client.get("/ext/v1/lines/" + SimClient.encode(WEI_SIM) + "/reissueQuote").json();
        assertThat(quote.at("/fee/amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(quote.get("simChangeLock").asBoolean()).isFalse();
        int events = sim.events().size();

        SimClient.Answer order = order("key-1", WEI_SIM, verifiedProof(WEI_SIM), "lost",
                "{\"name\":\"fulfilment\",\"value\":\"pickup\"},{\"name\":\"storeId\",\"value\":\"LON-OXF\"}");
        assertThat(order.status()).isEqualTo(201);
        String id = order.json().get("id").asText();
        assertThat(order.json().get("state").asText()).isEqualTo("acknowledged");
        assertThat(balanceOf(WEI_SIM)).isEqualByComparingTo("7.50");
        assertThat(sim.sms(WEI_ALTERNATE).get(sim.sms(WEI_ALTERNATE).size() - 1).text())
                .contains("A replacement card was requested for +44 ••••••3123", id);

        sim.clock().advance(Duration.ofSeconds(15));
        assertThat(client.get("/productOrder/" + id).json().get("state").asText()).isEqualTo("inProgress");
        sim.clock().advance(Duration.ofSeconds(5));
        JsonNode done = client.get("/productOrder/" + id).json();
        assertThat(done.get("state").asText()).isEqualTo("completed");
        assertThat(done.has("completionDate")).isTrue();
        JsonNode line = lineOf(WEI_SIM);
        assertThat(line.get("status").asText()).isEqualTo("active");
        assertThat(line.get("iccid").asText()).isNotEqualTo(iccid);
        assertThat(client.get("/ext/v1/lines?iccid=" + iccid).status()).as("the old card finds nothing").isEqualTo(404);
        assertThat(client.get("/ext/v1/productOrders/" + id + "/activationCode").json().get("code").asText())
                .isEqualTo("notEsim");
        List<String> states = sim.events().subList(events, sim.events().size()).stream()
                .filter(e -> e.eventType().equals("productOrderStateChangeEvent"))
                .map(e -> e.body().replaceAll(".*\"state\":\"(\\w+)\".*", "$1")).toList();
        assertThat(states).containsExactly("inProgress", "completed");
    }

    @Test
    void anEsimOrderRejectedInReviewGivesTheFeeBackAndACompletedOneHasItsActivationCode() throws IOException {
        sim.nextReissueOutcome("rejected", "deviceNotEligible");
        String proof = verifiedProof(WEI_SIM_ESIM);
        String rejected = order("key-2", WEI_SIM_ESIM, proof, "damaged",
                "{\"name\":\"fulfilment\",\"value\":\"download\"}").json().get("id").asText();
        assertThat(balanceOf(WEI_SIM_ESIM)).isEqualByComparingTo("27.00");
        sim.clock().advance(Duration.ofSeconds(15));
        sim.clock().advance(Duration.ofSeconds(5));
        JsonNode order = client.get("/productOrder/" + rejected).json();
        assertThat(order.get("state").asText()).isEqualTo("rejected");
        assertThat(order.get("stateReason").asText()).isEqualTo("deviceNotEligible");
        assertThat(balanceOf(WEI_SIM_ESIM)).isEqualByComparingTo("30.00");

        String completed = order("key-3", WEI_SIM_ESIM, proof, "newDevice",
                "{\"name\":\"fulfilment\",\"value\":\"download\"},"
                        + "{\"name\":\"eid\",\"value\":\"89049032123456789012345678901203\"}").json().get("id").asText();
        assertThat(client.get("/ext/v1/productOrders/" + completed + "/activationCode").json().get("code").asText())
                .isEqualTo("orderNotCompleted");
        sim.clock().advance(Duration.ofSeconds(15));
        sim.clock().advance(Duration.ofSeconds(5));
        JsonNode code = client.get("/ext/v1/productOrders/" + completed + "/activationCode").json();
        assertThat(code.get("activationCode").asText()).isEqualTo("LPA:1$smdp.csbot-carrier.example$"
                + code.get("matchingId").asText()).isEqualTo(sim.activationCode(completed).orElseThrow());
        assertThat(code.get("matchingId").asText()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
    }

    /** Refusals: lock on, no proof, a bad EID, a store not offered, a second open order; a cancel gives the fee back. */
    @Test
    void ordersAreRefusedForEachRuleAndCancelledWhileAcknowledged() throws IOException {
        String proof = verifiedProof(WEI_SIM);
        String pickup = "{\"name\":\"fulfilment\",\"value\":\"pickup\"},{\"name\":\"storeId\",\"value\":\"LON-OXF\"}";
        sim.simChangeLock(WEI_SIM, true);
        assertThat(refusal(order("k-lock", WEI_SIM, proof, "damaged", pickup))).isEqualTo("422 simChangeLocked");
        sim.simChangeLock(WEI_SIM, false);
        assertThat(refusal(order("k-proof", WEI_SIM, "nope", "damaged", pickup))).isEqualTo("422 notVerified");
        assertThat(refusal(order("k-store", WEI_SIM, proof, "damaged",
                "{\"name\":\"fulfilment\",\"value\":\"pickup\"},{\"name\":\"storeId\",\"value\":\"HK-MK\"}")))
                .isEqualTo("422 invalidFulfilment");
        assertThat(refusal(order("k-eid", WEI_SIM, proof, "damaged", pickup
                + ",{\"name\":\"eid\",\"value\":\"89049032123456789012345678901299\"}"))).isEqualTo("422 invalidEid");
        assertThat(balanceOf(WEI_SIM)).as("nothing taken by refusals").isEqualByComparingTo("12.50");

        String id = order("k-ok", WEI_SIM, proof, "damaged", pickup).json().get("id").asText();
        assertThat(refusal(order("k-two", WEI_SIM, proof, "damaged", pickup))).isEqualTo("409 orderInProgress");
        assertThat(order("k-ok", WEI_SIM, proof, "damaged", pickup).status()).as("a repeat of the key").isEqualTo(200);
        assertThat(client.post("/cancelProductOrder", "{\"productOrderId\":\"" + id + "\"}").json().get("state")
                .asText()).isEqualTo("cancelled");
        assertThat(balanceOf(WEI_SIM)).isEqualByComparingTo("12.50");
        assertThat(sim.reissueOrders(WEI_SIM)).containsExactly(id);
    }

    private static SimClient.Answer sendToOtherChannel(String msisdn) throws IOException {
        return client.post("/ext/v1/verifications", "{\"msisdn\":\"" + msisdn + "\",\"channel\":\"otherChannel\"}");
    }

    private static String verifiedProof(String msisdn) throws IOException {
        String id = sendToOtherChannel(msisdn).json().get("id").asText();
        assertThat(client.check(id, lastCode(WEI_ALTERNATE)).json().get("status").asText()).isEqualTo("verified");
        return id;
    }

    private static SimClient.Answer order(String key, String msisdn, String proof, String reason,
                                          String characteristics) throws IOException {
        return client.post("/productOrder", key, "{\"category\":\"reissue\",\"verificationId\":\"" + proof
                + "\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"modify\",\"product\":{\"publicIdentifier\":\""
                + msisdn + "\",\"productCharacteristic\":[{\"name\":\"reason\",\"value\":\"" + reason + "\"},"
                + characteristics + "]}}]}");
    }

    private static String refusal(SimClient.Answer answer) {
        return answer.status() + " " + answer.json().get("code").asText();
    }

    private static JsonNode lineOf(String msisdn) throws IOException {
        return client.get("/ext/v1/lines?msisdn=" + SimClient.encode(msisdn)).json();
    }

    private static BigDecimal balanceOf(String msisdn) throws IOException {
        return client.get("/bucket?logicalResource.value=" + SimClient.encode(msisdn)).json().get(0)
                .at("/remainingValue/amount").decimalValue();
    }

    private static String lastCode(String number) {
        List<Sms> texts = sim.sms(number);
        Matcher code = CODE.matcher(texts.get(texts.size() - 1).text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }
}
