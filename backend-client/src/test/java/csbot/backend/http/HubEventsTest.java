package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.sun.net.httpserver.HttpServer;
import csbot.backend.BackendEvent;
import csbot.backend.Money;
import csbot.backend.PaymentLink;
import csbot.backend.PaymentLinkPaid;
import csbot.backend.PaymentLinkStatus;
import csbot.backend.TopUp;
import csbot.backend.TopUpStateChanged;
import csbot.backend.TopUpStatus;
import csbot.sim.OutcomePlan;
import csbot.sim.SimulatorConfig;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's side of events: a listener reading what the simulator sends with {@link HubEvents}. */
class HubEventsTest extends SimulatorBacked {

    private static final String CONTRACT = HubEventsTest.class.getResource("/openapi/account-backend.yaml").toString();

    private static OpenAPI document;
    private static SchemaValidator schemas;

    private final HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
    private final HubEvents events = new HubEvents(SimulatorConfig.DEFAULT_HUB_SECRET);
    private final List<BackendEvent> read = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer listener;

    @BeforeAll
    static void readContract() {
        document = new OpenAPIV3Parser().read(CONTRACT);
        schemas = new SchemaValidator(document, new MessageResolver());
    }

    /** What the bot's listener does: check and read, 204 when fine, 401 when not. */
    @BeforeEach
    void listen() throws IOException {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/csbot/listener/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 204;
            try {
                events.read(exchange.getRequestHeaders().getFirst("X-Csbot-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Csbot-Signature"), body).ifPresent(read::add);
                bodies.add(new String(body, StandardCharsets.UTF_8));
            } catch (HubEvents.InvalidEvent invalid) {
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        listener.start();
        backend.subscribe("http://127.0.0.1:" + listener.getAddress().getPort() + "/csbot");
    }

    @AfterEach
    void stopListening() {
        listener.stop(0);
    }

    @Test
    void aCompletedTopUpArrivesAsTheTopUpItself() throws InterruptedException {
        TopUp created = backend.createTopUp(stars(WEI_SIM, "10.00", ""), "event-1");

        awaitEvents(1);

        assertThat(read).singleElement().isInstanceOfSatisfying(TopUpStateChanged.class, changed -> {
            assertThat(changed.topUp()).isEqualTo(created);
            assertThat(changed.eventTime()).isAfterOrEqualTo(created.createdAt());
        });
    }

    @Test
    void aFailedTopUpArrivesWithItsReason() throws InterruptedException {
        sim.topUpOutcomes().set(OutcomePlan.fail("declined"));

        backend.createTopUp(stars(WEI_SIM, "10.00", ""), "event-2");

        awaitEvents(1);
        TopUp failed = ((TopUpStateChanged) read.get(0)).topUp();
        assertThat(failed.status()).isEqualTo(TopUpStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("declined");
    }

    @Test
    void aPaidLinkArrivesWithTheTopUpItMade() throws InterruptedException {
        PaymentLink link = backend.createPaymentLink(WEI_SIM, Money.of("20.00", "GBP"), "", "event-3");

        payOnTheCheckoutPage(link.id());

        awaitEvents(2);
        PaymentLinkPaid paid = read.stream().filter(PaymentLinkPaid.class::isInstance).map(PaymentLinkPaid.class::cast)
                .findFirst().orElseThrow();
        assertThat(paid.paymentLink().status()).isEqualTo(PaymentLinkStatus.PAID);
        assertThat(paid.paymentLink().id()).isEqualTo(link.id());
        TopUp topUp = read.stream().filter(TopUpStateChanged.class::isInstance).map(TopUpStateChanged.class::cast)
                .findFirst().orElseThrow().topUp();
        assertThat(paid.paymentLink().topUpId()).isEqualTo(topUp.id());
    }

    @Test
    void everyEventBodyFitsTheContractsEventSchemas() throws InterruptedException {
        backend.createTopUp(stars(WEI_SIM, "10.00", ""), "event-4");
        payOnTheCheckoutPage(backend.createPaymentLink(WEI_SIM, Money.of("20.00", "GBP"), "", "event-5").id());
        awaitEvents(3);

        for (String body : bodies) {
            String schema = body.contains("\"paymentLinkPaidEvent\"") ? "PaymentLinkPaidEvent" : "TopupBalanceStateChangeEvent";
            assertThat(errors(body, schema)).as(body).isEmpty();
        }
        String topUpEvent = bodies.stream().filter(body -> body.contains("topupBalanceStateChangeEvent")).findFirst()
                .orElseThrow();
        assertThat(errors(topUpEvent.replace("\"completed\"", "\"done\""), "TopupBalanceStateChangeEvent"))
                .as("a drifted body is caught").isNotEmpty();
    }

    @Test
    void forgedStaleOrMalformedEventsAreRefused() throws Exception {
        String body = "{\"eventId\":\"e1\",\"eventType\":\"somethingNew\",\"eventTime\":\"2030-01-01T00:00:00Z\",\"event\":{}}";
        String now = Long.toString(Instant.now().getEpochSecond());

        assertThat(events.read(now, sign(SimulatorConfig.DEFAULT_HUB_SECRET, now, body), bytes(body)))
                .as("an event type this client does not know").isEmpty();
        assertThatThrownBy(() -> events.read(now, sign("not the secret", now, body), bytes(body)))
                .isInstanceOf(HubEvents.InvalidEvent.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> events.read(now, sign(SimulatorConfig.DEFAULT_HUB_SECRET, now, body),
                bytes(body.replace("e1", "e2")))).isInstanceOf(HubEvents.InvalidEvent.class);
        assertThatThrownBy(() -> events.read(now, null, bytes(body))).isInstanceOf(HubEvents.InvalidEvent.class);
        String old = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        assertThatThrownBy(() -> events.read(old, sign(SimulatorConfig.DEFAULT_HUB_SECRET, old, body), bytes(body)))
                .isInstanceOf(HubEvents.InvalidEvent.class).hasMessageContaining("timestamp");
        HubEvents lenient = new HubEvents(SimulatorConfig.DEFAULT_HUB_SECRET, Duration.ofMinutes(10),
                Clock.fixed(Instant.now(), ZoneOffset.UTC));
        assertThat(lenient.read(old, sign(SimulatorConfig.DEFAULT_HUB_SECRET, old, body), bytes(body))).isEmpty();
        String broken = "{\"eventId\":\"e3\",\"eventType\":\"topupBalanceStateChangeEvent\","
                + "\"eventTime\":\"2030-01-01T00:00:00Z\",\"event\":{\"topupBalance\":{\"id\":\"tb-1\"}}}";
        assertThatThrownBy(() -> events.read(now, sign(SimulatorConfig.DEFAULT_HUB_SECRET, now, broken), bytes(broken)))
                .isInstanceOf(HubEvents.InvalidEvent.class).hasMessageContaining("contract");
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (read.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(read).hasSize(count);
    }

    private static List<String> errors(String body, String schema) {
        ValidationReport report = schemas.validate(body, document.getComponents().getSchemas().get(schema), "event");
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getMessage() + " " + message.getNestedMessages().stream()
                        .map(ValidationReport.Message::getMessage).toList() + " " + message.getAdditionalInfo())
                .toList();
    }

    /** Written independently of the simulator's signing and of {@link HubEvents}. */
    private static String sign(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
