package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import csbot.backend.Bucket;
import csbot.backend.HubSubscription;
import csbot.backend.Line;
import csbot.backend.LineStatus;
import csbot.backend.LineType;
import csbot.backend.NotFound;
import csbot.backend.OtpChallenge;
import csbot.backend.OtpCheck;
import csbot.backend.OtpStatus;
import csbot.backend.Rejected;
import csbot.backend.Unavailable;
import csbot.backend.UsageType;
import csbot.sim.FaultPlan;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpAccountBackendTest extends SimulatorBacked {

    private final HttpAccountBackend backend = new HttpAccountBackend(quickConfig());

    @Test
    void findsALineByNumber() {
        assertThat(backend.findLineByMsisdn(WEI_SIM))
                .isEqualTo(new Line(WEI_SIM, WEI_SIM_ICCID, "W", LineType.SIM, LineStatus.ACTIVE, "GBP"));
    }

    @Test
    void findsALineByIccid() {
        assertThat(backend.findLineByIccid(WEI_SIM_ICCID).msisdn()).isEqualTo(WEI_SIM);
    }

    @Test
    void readsMoneyExactlyAndTheExpiryFromTheMonetaryBucket() {
        List<Bucket> buckets = backend.buckets(WEI_SIM);

        assertThat(buckets).extracting(Bucket::usageType)
                .containsExactly(UsageType.MONETARY, UsageType.DATA, UsageType.VOICE, UsageType.SMS);
        Bucket money = buckets.get(0);
        assertThat(money.remainingValue().amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(money.remainingValue().units()).isEqualTo("GBP");
        assertThat(money.validFor().endDateTime())
                .isCloseTo(now().plusDays(45), within(1, ChronoUnit.MINUTES));
        assertThat(buckets.get(1).remainingValue().amount()).isEqualByComparingTo("3072");
        assertThat(buckets.get(1).remainingValue().units()).isEqualTo("MB");
    }

    @Test
    void sendsAndChecksACode() {
        OtpChallenge challenge = backend.sendOtp(CHAN_MEI);

        assertThat(challenge.maskedDestination()).isEqualTo("+852 ••••4567");
        assertThat(challenge.expiresAt()).isCloseTo(now().plusMinutes(5), within(1, ChronoUnit.MINUTES));
        String code = lastCode(CHAN_MEI);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(backend.checkOtp(challenge.id(), wrong)).isEqualTo(new OtpCheck(OtpStatus.WRONG_CODE, 4));
        assertThat(backend.checkOtp(challenge.id(), code)).isEqualTo(new OtpCheck(OtpStatus.VERIFIED, 4));
    }

    @Test
    void subscribesAndUnsubscribes() {
        HubSubscription subscription = backend.subscribe("http://127.0.0.1:9/csbot");

        assertThat(subscription.callback()).isEqualTo("http://127.0.0.1:9/csbot");
        assertThat(subscription.query()).isEmpty();
        backend.unsubscribe(subscription.id());
        assertThatThrownBy(() -> backend.unsubscribe(subscription.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void anUnknownLineIsNotFoundAndTheMessageHidesTheNumber() {
        assertThatThrownBy(() -> backend.findLineByMsisdn(UNKNOWN))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("3000")
                .hasMessageNotContaining("447400123000");
        assertThatThrownBy(() -> backend.buckets(UNKNOWN)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> backend.sendOtp(UNKNOWN)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> backend.checkOtp("no-such-verification", "123456")).isInstanceOf(NotFound.class);
    }

    @Test
    void aRefusalCarriesTheBackendsReasonCode() {
        assertThatThrownBy(() -> backend.findLineByMsisdn("07400123123"))
                .isInstanceOfSatisfying(Rejected.class,
                        rejected -> assertThat(rejected.reasonCode()).isEqualTo("invalidMsisdn"));
        for (int i = 0; i < 5; i++) {
            backend.sendOtp(LI_NA);
        }
        assertThatThrownBy(() -> backend.sendOtp(LI_NA))
                .isInstanceOfSatisfying(Rejected.class,
                        rejected -> assertThat(rejected.reasonCode()).isEqualTo("tooManyCodes"));
    }

    @Test
    void aServerErrorIsUnavailable() {
        sim.faults().set(FaultPlan.errors(1.0, ""));

        assertThatThrownBy(() -> backend.findLineByMsisdn(WEI_SIM))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void aSlowBackendTimesOutAsUnavailable() {
        HttpAccountBackend impatient = new HttpAccountBackend(quickConfig()
                .withCallTimeout(Duration.ofMillis(200))
                .withRetries(1, Duration.ofMillis(10)));
        sim.faults().set(FaultPlan.latency(3_000, ""));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.buckets(WEI_SIM)).isInstanceOf(Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        HttpAccountBackend unreachable = new HttpAccountBackend(BackendClientConfig.defaults(nobodyListens)
                .withRetries(2, Duration.ofMillis(10)));

        assertThatThrownBy(() -> unreachable.findLineByMsisdn(WEI_SIM)).isInstanceOf(Unavailable.class);
    }

    @Test
    void anAnswerLackingARequiredFieldIsUnavailable() throws IOException {
        HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/", exchange -> {
            byte[] body = "{\"msisdn\":\"+447400123123\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        broken.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + broken.getAddress().getPort() + "/");
            HttpAccountBackend client = new HttpAccountBackend(BackendClientConfig.defaults(url));

            assertThatThrownBy(() -> client.findLineByMsisdn(WEI_SIM))
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("does not match the contract");
        } finally {
            broken.stop(0);
        }
    }

    private static OffsetDateTime now() {
        return sim.clock().now().atOffset(ZoneOffset.UTC);
    }
}
