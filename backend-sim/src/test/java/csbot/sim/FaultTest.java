package csbot.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultTest extends SimulatorTestBase {

    private static final String WEI_LOOKUP = "/ext/v1/lines?msisdn=" + SimClient.encode(WEI_SIM);

    @Test
    void latencyDelaysTheAnswer() throws IOException {
        client.post("/sim/admin/faults", "{\"latencyMs\":300}");

        long started = System.nanoTime();
        SimClient.Answer answer = client.get(WEI_LOOKUP);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void errorRateAnswers503WithoutDoingAnything() throws IOException {
        sim.faults().set(FaultPlan.errors(1.0, "/ext/v1/verifications"));

        SimClient.Answer refused = client.post("/ext/v1/verifications", "{\"msisdn\":\"" + WEI_SIM + "\",\"channel\":\"sms\"}");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("code").asText()).isEqualTo("serviceUnavailable");
        assertThat(sim.sms(WEI_SIM)).isEmpty();
        assertThat(sim.requestCount("POST /ext/v1/verifications")).isEqualTo(1);
    }

    @Test
    void faultsOnlyHitMatchingContractPathsNeverTheSimulatorsOwn() throws IOException {
        client.post("/sim/admin/faults", "{\"errorRate\":1.0,\"pathPrefix\":\"/bucket\"}");

        assertThat(client.get("/bucket?logicalResource.value=" + SimClient.encode(WEI_SIM)).status()).isEqualTo(503);
        assertThat(client.get(WEI_LOOKUP).status()).isEqualTo(200);

        client.post("/sim/admin/faults", "{\"errorRate\":1.0}");
        assertThat(client.get(WEI_LOOKUP).status()).isEqualTo(503);
        assertThat(client.get("/sim/customers").status()).isEqualTo(200);
    }

    @Test
    void aDroppedResponseIsProcessedButNeverAnswered() {
        sim.faults().set(FaultPlan.drops(1.0, ""));

        assertThatThrownBy(() -> client.post("/ext/v1/verifications",
                "{\"msisdn\":\"" + WEI_SIM + "\",\"channel\":\"sms\"}")).isInstanceOf(IOException.class);
        assertThat(sim.sms(WEI_SIM)).as("the code was sent all the same").hasSize(1);
    }

    @Test
    void clearingFaultsRestoresService() throws IOException {
        client.post("/sim/admin/faults", "{\"errorRate\":1.0}");

        assertThat(client.delete("/sim/admin/faults").status()).isEqualTo(204);

        assertThat(client.get(WEI_LOOKUP).status()).isEqualTo(200);
        assertThat(sim.faults().current()).isEqualTo(FaultPlan.none());
    }

    @Test
    void anImpossibleFaultPlanIsRejected() throws IOException {
        SimClient.Answer refused = client.post("/sim/admin/faults", "{\"errorRate\":1.5}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("errorRate");
    }
}
