package csbot.sim;

import static csbot.sim.TopUps.paidByStars;
import static csbot.sim.TopUps.topUp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventTest extends SimulatorTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventReceiver receiver;

    @BeforeEach
    void listen() {
        receiver = new EventReceiver();
    }

    @AfterEach
    void stopListening() {
        receiver.close();
    }

    @Test
    void aCompletedTopUpIsPostedToEveryListenerSignedWithTheHubSecret() throws Exception {
        subscribe("");

        String id = topUp(client, "ev-1", paidByStars(WEI_SIM, "10", "GBP", "charge-ev")).json().get("id").asText();

        EventReceiver.Received event = receiver.await(1, any -> true).get(0);
        assertThat(event.path()).isEqualTo("/csbot/listener/topupBalanceStateChangeEvent");
        assertThat(Long.parseLong(event.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(event.signature()).isEqualTo("sha256=" + hmac(SimulatorConfig.DEFAULT_HUB_SECRET,
                event.timestamp() + "." + event.body()));
        assertThat(constantTimeEquals(event.signature(), "sha256=" + hmac("another secret",
                event.timestamp() + "." + event.body()))).isFalse();
        JsonNode body = JSON.readTree(event.body());
        assertThat(body.get("eventId").asText()).isNotBlank();
        assertThat(body.get("eventType").asText()).isEqualTo("topupBalanceStateChangeEvent");
        JsonNode topUp = body.get("event").get("topupBalance");
        assertThat(body.get("eventTime").asText()).as("when it was completed")
                .isEqualTo(topUp.get("confirmationDate").asText());
        assertThat(topUp.get("id").asText()).isEqualTo(id);
        assertThat(topUp.get("status").asText()).isEqualTo("completed");
        assertThat(topUp.get("logicalResource").get("value").asText()).isEqualTo(WEI_SIM);
    }

    @Test
    void theSimulatorListsWhatItEmittedAndHowDeliveryWent() throws Exception {
        subscribe("");
        topUp(client, "ev-2", paidByStars(WEI_SIM, "10", "GBP", "charge-ev"));
        receiver.await(1, any -> true);

        JsonNode events = awaitDelivered();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("eventType").asText()).isEqualTo("topupBalanceStateChangeEvent");
            assertThat(event.get("deliveries").get(0).get("status").asText()).isEqualTo("delivered");
            assertThat(event.get("deliveries").get(0).get("attempts").asInt()).isEqualTo(1);
            assertThat(JSON.readTree(event.get("body").asText()).get("eventId").asText())
                    .isEqualTo(event.get("eventId").asText());
        });
    }

    @Test
    void aListenerThatFailsIsTriedAgainWithTheSameEvent() throws Exception {
        subscribe("");
        receiver.answerNext(500, 503);

        topUp(client, "ev-3", paidByStars(WEI_SIM, "10", "GBP", "charge-ev"));

        List<EventReceiver.Received> attempts = receiver.await(3, any -> true);
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(attempt -> JSON.readTree(attempt.body()).get("eventId").asText())
                .containsOnly(JSON.readTree(attempts.get(0).body()).get("eventId").asText());
        assertThat(awaitDelivered().get(0).get("deliveries").get(0).get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void aListenerGetsOnlyTheEventTypesItAskedFor() throws Exception {
        subscribe("eventType=paymentLinkPaidEvent");

        topUp(client, "ev-4", paidByStars(WEI_SIM, "10", "GBP", "charge-ev"));
        Thread.sleep(300);

        assertThat(receiver.received()).isEmpty();
        assertThat(sim.events()).singleElement().satisfies(event -> assertThat(event.deliveries()).isEmpty());
    }

    @Test
    void anUnsubscribedListenerGetsNothing() throws Exception {
        String id = subscribe("");
        client.delete("/hub/" + id);

        topUp(client, "ev-5", paidByStars(WEI_SIM, "10", "GBP", "charge-ev"));
        Thread.sleep(300);

        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aFailedTopUpIsAnnouncedToo() throws Exception {
        subscribe("");
        sim.topUpOutcomes().set(OutcomePlan.fail("declined"));

        topUp(client, "ev-6", paidByStars(WEI_SIM, "10", "GBP", "charge-ev"));

        JsonNode topUp = JSON.readTree(receiver.await(1, any -> true).get(0).body()).get("event").get("topupBalance");
        assertThat(topUp.get("status").asText()).isEqualTo("failed");
        assertThat(topUp.get("reason").asText()).isEqualTo("declined");
    }

    private String subscribe(String query) throws IOException {
        return client.post("/hub", "{\"callback\":\"" + receiver.callback() + "\",\"query\":\"" + query + "\"}")
                .json().get("id").asText();
    }

    private JsonNode awaitDelivered() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode events = client.get("/sim/events").json();
        while (!events.toString().contains("\"delivered\"") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            events = client.get("/sim/events").json();
        }
        return events;
    }

    /** Written independently of the simulator's own signing. */
    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
