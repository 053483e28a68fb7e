package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import csbot.backend.NotFound;
import csbot.backend.OtpChallenge;
import csbot.backend.Unavailable;
import csbot.sim.FaultPlan;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResilienceTest extends SimulatorBacked {

    private static final String LOOKUP = "GET /ext/v1/lines";
    private static final String SEND_CODE = "POST /ext/v1/verifications";

    @Test
    void aFailedGetIsTriedMaxAttemptsTimes() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        sim.faults().set(FaultPlan.errors(1.0, "/ext/v1/lines"));

        assertThatThrownBy(() -> backend.findLineByMsisdn(WEI_SIM)).isInstanceOf(Unavailable.class);

        assertThat(sim.requestCount(LOOKUP)).isEqualTo(3);
    }

    @Test
    void aFailedDeleteIsRetriedToo() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        String id = backend.subscribe("http://127.0.0.1:9/csbot").id();
        sim.faults().set(FaultPlan.errors(1.0, "/hub/"));

        assertThatThrownBy(() -> backend.unsubscribe(id)).isInstanceOf(Unavailable.class);

        assertThat(sim.requestCount("DELETE /hub/{id}")).isEqualTo(3);
    }

    @Test
    void sendingACodeIsNeverRepeated() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        sim.faults().set(FaultPlan.errors(1.0, "/ext/v1/verifications"));

        assertThatThrownBy(() -> backend.sendOtp(WEI_SIM)).isInstanceOf(Unavailable.class);

        assertThat(sim.requestCount(SEND_CODE)).isEqualTo(1);
    }

    @Test
    void aCodeWhoseAnswerWasLostReachedTheCustomerExactlyOnce() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        sim.faults().set(FaultPlan.drops(1.0, "/ext/v1/verifications"));

        assertThatThrownBy(() -> backend.sendOtp(WEI_SIM)).isInstanceOf(Unavailable.class);

        assertThat(sim.sms(WEI_SIM)).hasSize(1);
    }

    @Test
    void checkingACodeIsNeverRepeated() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        OtpChallenge challenge = backend.sendOtp(WEI_SIM);
        sim.faults().set(FaultPlan.errors(1.0, "/ext/v1/verifications/"));

        assertThatThrownBy(() -> backend.checkOtp(challenge.id(), "000000")).isInstanceOf(Unavailable.class);

        assertThat(sim.requestCount("POST /ext/v1/verifications/{id}/check")).isEqualTo(1);
    }

    @Test
    void aPostWithAnIdempotencyKeyIsRetried() {
        JsonHttp http = new JsonHttp(quickConfig());
        sim.faults().set(FaultPlan.drops(1.0, "/ext/v1/verifications"));
        Call keyed = Call.post("/ext/v1/verifications", new HttpAccountBackend.SendCode(WEI_SIM, "sms"), "line")
                .withIdempotencyKey("top-up-42");

        assertThatThrownBy(() -> http.fetch(keyed, OtpChallenge.class)).isInstanceOf(Unavailable.class);

        // verifications ignore the key (the client never sends one with them); three SMS prove three attempts
        assertThat(sim.sms(WEI_SIM)).hasSize(3);
    }

    @Test
    void aTopUpWhoseAnswersAreLostIsTriedAgainWithItsKeyAndMadeOnce() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        sim.faults().set(FaultPlan.drops(1.0, "/topupBalance"));

        assertThatThrownBy(() -> backend.createTopUp(stars(WEI_SIM, "10.00", ""), "lost-1"))
                .isInstanceOf(Unavailable.class);

        assertThat(sim.requestCount("POST /topupBalance")).as("tried three times").isEqualTo(3);
        assertThat(sim.ledger()).as("made once").singleElement()
                .satisfies(entry -> assertThat(entry.idempotencyKey()).isEqualTo("lost-1"));
        sim.faults().clear();
        assertThat(backend.topUpByKey("lost-1")).hasValueSatisfying(found ->
                assertThat(found.id()).isEqualTo(sim.ledger().get(0).id()));
        assertThat(backend.createTopUp(stars(WEI_SIM, "10.00", ""), "lost-1").id())
                .as("sending it again with its key is harmless").isEqualTo(sim.ledger().get(0).id());
        assertThat(sim.ledger()).hasSize(1);
    }

    @Test
    void aRefusedTopUpIsNotRetried() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());

        assertThatThrownBy(() -> backend.createTopUp(stars(WEI_SIM, "0.10", ""), "small-1"))
                .isInstanceOf(csbot.backend.Rejected.class);

        assertThat(sim.requestCount("POST /topupBalance")).isEqualTo(1);
    }

    @Test
    void aPatchIsRetriedForItChangesNothingTheSecondTime() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        String id = backend.createAutoTopUp(WEI_SIM, monthly("10.00"), "auto-r").id();
        sim.faults().set(FaultPlan.drops(1.0, "/topupBalance/"));

        assertThatThrownBy(() -> backend.changeAutoTopUp(id, monthly("20.00"))).isInstanceOf(Unavailable.class);

        assertThat(sim.requestCount("PATCH /topupBalance/{id}")).isEqualTo(3);
        sim.faults().clear();
        assertThat(backend.autoTopUps(WEI_SIM).get(0).rule().amount().amount()).isEqualByComparingTo("20.00");
    }

    @Test
    void theBreakerOpensOnRepeatedFailuresAndThenFailsFast() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig()
                .withRetries(1, Duration.ofMillis(10))
                .withCircuitBreaker(50, 4, 4, Duration.ofMinutes(1)));
        sim.faults().set(FaultPlan.errors(1.0, ""));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> backend.buckets(WEI_SIM)).isInstanceOf(Unavailable.class);
        }
        sim.faults().clear();

        assertThatThrownBy(() -> backend.buckets(WEI_SIM))
                .isInstanceOf(Unavailable.class)
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(sim.requestCount("GET /bucket")).as("the open breaker did not call").isEqualTo(4);
    }

    @Test
    void anOpenBreakerLetsCallsThroughAgainAfterItsOpenDuration() throws InterruptedException {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig()
                .withRetries(1, Duration.ofMillis(10))
                .withCircuitBreaker(50, 2, 2, Duration.ofMillis(200)));
        sim.faults().set(FaultPlan.errors(1.0, ""));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> backend.buckets(WEI_SIM)).isInstanceOf(Unavailable.class);
        }
        sim.faults().clear();

        Thread.sleep(300);

        assertThat(backend.buckets(WEI_SIM)).isNotEmpty();
    }

    @Test
    void notFoundAnswersDoNotOpenTheBreaker() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig()
                .withCircuitBreaker(50, 4, 4, Duration.ofMinutes(1)));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> backend.findLineByMsisdn(UNKNOWN)).isInstanceOf(NotFound.class);
        }

        assertThat(backend.findLineByMsisdn(WEI_SIM).msisdn()).isEqualTo(WEI_SIM);
        assertThat(sim.requestCount(LOOKUP)).as("each 404 was asked once, not retried").isEqualTo(11);
    }
}
