package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import csbot.backend.AutoTopUp;
import csbot.backend.Fulfilment;
import csbot.backend.ProductOrder;
import csbot.backend.ReissueReason;
import csbot.backend.ReissueRequest;
import csbot.backend.SuspensionReason;
import csbot.backend.Money;
import csbot.backend.OtpChallenge;
import csbot.backend.PaymentLink;
import csbot.backend.TopUp;
import csbot.backend.TroubleTicket;
import csbot.backend.TroubleTicketRequest;
import csbot.sim.FaultPlan;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client talks to the real simulator through a recording proxy; every request and every answer
 * is then checked against the OpenAPI document, so neither side can drift from it unnoticed.
 */
class ContractTest extends SimulatorBacked {

    private static final String CONTRACT = ContractTest.class.getResource("/openapi/account-backend.yaml").toString();

    private static OpenApiInteractionValidator validator;
    private static Map<Pattern, String> operations;

    private RecordingProxy proxy;
    private HttpAccountBackend backend;

    @BeforeAll
    static void readContract() {
        validator = OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT).build();
        OpenAPI document = new OpenAPIV3Parser().read(CONTRACT);
        operations = document.getPaths().entrySet().stream()
                .flatMap(path -> path.getValue().readOperationsMap().keySet().stream()
                        .map(method -> Map.entry(template(path.getKey()), method + " " + path.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @BeforeEach
    void connectThroughProxy() {
        proxy = new RecordingProxy(sim.baseUrl());
        // one attempt per call: the faulted call then shows up once, like every other exchange
        backend = new HttpAccountBackend(BackendClientConfig.defaults(proxy.baseUrl())
                .withRetries(1, quickConfig().retryBackoff()));
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void everyExchangeOfEveryOperationFitsTheDocument() {
        exerciseEveryOperation();
        List<RecordingProxy.Exchange> exchanges = proxy.exchanges();

        for (RecordingProxy.Exchange exchange : exchanges) {
            ValidationReport report = validator.validate(request(exchange), response(exchange));
            assertThat(messages(report, "validation.response")).as("answer to %s", exchange).isEmpty();
            if (exchange.status() == 400) {
                assertThat(messages(report, "validation.request")).as("the document agrees %s is a bad request", exchange)
                        .isNotEmpty();
            } else {
                assertThat(messages(report, "validation.request")).as("request %s", exchange).isEmpty();
            }
        }
        assertThat(exchanges.stream().map(ContractTest::operation).collect(Collectors.toSet()))
                .as("every operation in the document is exercised")
                .containsAll(operations.values());
        Set<Integer> statuses = exchanges.stream().map(RecordingProxy.Exchange::status)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(statuses).containsExactly(200, 201, 204, 400, 404, 409, 422, 429, 503);
    }

    @Test
    void aPayloadThatDriftsFromTheDocumentIsCaught() {
        backend.findLineByMsisdn(WEI_SIM);
        backend.buckets(WEI_SIM);
        RecordingProxy.Exchange line = proxy.exchanges().get(0);
        RecordingProxy.Exchange buckets = proxy.exchanges().get(1);
        assertThat(validator.validate(request(line), response(line)).hasErrors()).isFalse();

        assertThat(driftedErrors(line, "\"type\":\"SIM\"", "\"type\":\"sim\"")).anyMatch(m -> m.contains("sim"));
        assertThat(driftedErrors(line, "\"ownerInitial\"", "\"initial\"")).anyMatch(m -> m.contains("ownerInitial"));
        assertThat(driftedErrors(buckets, "\"amount\":12.50", "\"amount\":\"12.50\"")).isNotEmpty();
        assertThat(driftedErrors(buckets, "\"endDateTime\":\"", "\"endDateTime\":\"soon ")).isNotEmpty();
    }

    /** Every operation, with each answer the client can provoke from the simulator. */
    private void exerciseEveryOperation() {
        backend.findLineByMsisdn(WEI_SIM);
        backend.findLineByIccid(WEI_SIM_ICCID);
        catchThrowable(() -> backend.findLineByMsisdn(UNKNOWN));
        catchThrowable(() -> backend.findLineByMsisdn("07400123123"));
        backend.buckets(LI_NA);
        catchThrowable(() -> backend.buckets(UNKNOWN));

        OtpChallenge challenge = backend.sendOtp(CHAN_MEI);
        backend.checkOtp(challenge.id(), "not-a-code");
        backend.checkOtp(challenge.id(), lastCode(CHAN_MEI));
        catchThrowable(() -> backend.checkOtp("no-such-verification", "123456"));
        catchThrowable(() -> backend.sendOtp(UNKNOWN));
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> backend.sendOtp(CHAN_MEI)); // the fifth is over the limit: 429
        }

        String subscription = backend.subscribe("http://127.0.0.1:9/csbot").id();
        backend.unsubscribe(subscription);
        catchThrowable(() -> backend.unsubscribe(subscription));

        exerciseTopUps();
        exercisePaymentLinks();
        exerciseAutoTopUps();
        exerciseTroubleTickets();
        exerciseReissues();

        sim.faults().set(FaultPlan.errors(1.0, "/bucket"));
        catchThrowable(() -> backend.buckets(WEI_SIM));
    }

    private void exerciseTopUps() {
        backend.topUpOptions(WEI_SIM);
        catchThrowable(() -> backend.topUpOptions(UNKNOWN));
        catchThrowable(() -> backend.topUpOptions("07400123123"));
        addEuroCustomer();
        catchThrowable(() -> backend.topUpOptions(EURO_LINE)); // 422 currencyNotSupported

        TopUp done = backend.createTopUp(stars(WEI_SIM, "10.00", ""), "contract-1");
        backend.createTopUp(stars(WEI_SIM, "10.00", ""), "contract-1"); // the repeat: 200
        backend.createTopUp(stars(WEI_SIM, "12.00", "keep-90"), "contract-plan");
        catchThrowable(() -> backend.createTopUp(stars(WEI_SIM, "20.00", ""), "contract-1")); // 409
        catchThrowable(() -> backend.createTopUp(stars(WEI_SIM, "0.50", ""), "contract-2")); // 422
        catchThrowable(() -> backend.createTopUp(stars(UNKNOWN, "10.00", ""), "contract-3")); // 404
        catchThrowable(() -> backend.createTopUp(stars(WEI_SIM, "-1", ""), "contract-4")); // 400
        backend.topUp(done.id());
        catchThrowable(() -> backend.topUp("tb-nothing"));
        backend.topUpByKey("contract-1");
        backend.topUpByKey("never-used");
        backend.savedPaymentMethods(WEI_SIM);
        catchThrowable(() -> backend.savedPaymentMethods(UNKNOWN));
    }

    private void exercisePaymentLinks() {
        PaymentLink link = backend.createPaymentLink(WEI_SIM, Money.of("20.00", "GBP"), "", "contract-link");
        backend.createPaymentLink(WEI_SIM, Money.of("20.00", "GBP"), "", "contract-link");
        catchThrowable(() -> backend.createPaymentLink(WEI_SIM, Money.of("20.00", "HKD"), "", "contract-link-2"));
        payOnTheCheckoutPage(link.id());
        backend.paymentLink(link.id());
        catchThrowable(() -> backend.paymentLink("pl-nothing"));
    }

    private void exerciseAutoTopUps() {
        AutoTopUp periodic = backend.createAutoTopUp(WEI_SIM, monthly("10.00"), "contract-auto-1");
        catchThrowable(() -> backend.createAutoTopUp(WEI_SIM, monthly("20.00"), "contract-auto-2")); // 409
        AutoTopUp threshold = backend.createAutoTopUp(WEI_SIM, below("5.00", "10.00"), "contract-auto-3");
        backend.autoTopUps(WEI_SIM);
        backend.changeAutoTopUp(periodic.id(), monthly("15.00"));
        backend.changeAutoTopUp(threshold.id(), below("3.00", "10.00"));
        catchThrowable(() -> backend.changeAutoTopUp(threshold.id(), below("3.00", "1000.00"))); // 422
        backend.cancelAutoTopUp(periodic.id());
        backend.cancelAutoTopUp(threshold.id());
        catchThrowable(() -> backend.cancelAutoTopUp("tt-nothing"));
        catchThrowable(() -> backend.changeAutoTopUp(periodic.id(), monthly("15.00"))); // 409 autoTopupCancelled
    }

    private void exerciseTroubleTickets() {
        TroubleTicket ticket = backend.openTroubleTicket(new TroubleTicketRequest("paymentNotApplied", "major",
                WEI_SIM, "tb-123", "Paid top-up not applied, line ***3123"), "contract-ticket");
        backend.troubleTicket(ticket.id());
        catchThrowable(() -> backend.troubleTicket("TT-NOTHING"));
    }

    private void exerciseReissues() {
        String weiAlternate = "+447400123789";
        backend.reissueQuote(WEI_SIM);
        catchThrowable(() -> backend.reissueQuote(UNKNOWN));
        catchThrowable(() -> backend.reissueQuote(EURO_LINE)); // 422 currencyNotSupported
        backend.stores(WEI_SIM);
        catchThrowable(() -> backend.stores(UNKNOWN));
        backend.suspendLine(WEI_SIM, SuspensionReason.LOST);
        backend.suspendLine(WEI_SIM, SuspensionReason.LOST); // a repeat: 200
        catchThrowable(() -> backend.suspendLine(LI_NA, SuspensionReason.STOLEN)); // 422 suspended for non-payment
        catchThrowable(() -> backend.suspendLine(UNKNOWN, SuspensionReason.STOLEN));
        backend.resumeLine(WEI_SIM);
        catchThrowable(() -> backend.resumeLine(WEI_SIM)); // 409 notSuspendedForLoss
        catchThrowable(() -> backend.resumeLine(UNKNOWN));

        OtpChallenge proof = backend.sendOtpToOtherChannel(WEI_ESIM);
        backend.checkOtp(proof.id(), lastCode(weiAlternate));
        catchThrowable(() -> backend.puk(WEI_ESIM, "no-such-verification")); // 422 notVerified
        backend.puk(WEI_ESIM, proof.id());
        catchThrowable(() -> backend.puk(UNKNOWN, proof.id()));
        catchThrowable(() -> backend.orderReissue(new ReissueRequest(WEI_ESIM, proof.id(), ReissueReason.DAMAGED,
                new Fulfilment.Download(), "123"), "contract-order-0")); // 422 invalidEid
        ProductOrder order = backend.orderReissue(new ReissueRequest(WEI_ESIM, proof.id(), ReissueReason.DAMAGED,
                new Fulfilment.Download(), ""), "contract-order-1");
        backend.orderReissue(new ReissueRequest(WEI_ESIM, proof.id(), ReissueReason.DAMAGED,
                new Fulfilment.Download(), ""), "contract-order-1"); // the repeat: 200
        catchThrowable(() -> backend.orderReissue(new ReissueRequest(UNKNOWN, proof.id(), ReissueReason.DAMAGED,
                new Fulfilment.Download(), ""), "contract-order-2"));
        catchThrowable(() -> backend.activationCode(order.id())); // 409 not completed
        backend.productOrder(order.id());
        backend.productOrders(WEI_ESIM);
        catchThrowable(() -> backend.productOrder("PO-NOTHING"));
        sim.clock().advance(Duration.ofSeconds(30)); // in progress, then completed
        sim.clock().advance(Duration.ofSeconds(30));
        backend.activationCode(order.id());
        catchThrowable(() -> backend.activationCode("PO-NOTHING"));
        catchThrowable(() -> backend.cancelProductOrder(order.id())); // 409 work has started

        OtpChallenge simProof = backend.sendOtpToOtherChannel(WEI_SIM);
        backend.checkOtp(simProof.id(), lastCode(weiAlternate));
        ProductOrder simOrder = backend.orderReissue(new ReissueRequest(WEI_SIM, simProof.id(), ReissueReason.LOST,
                new Fulfilment.Pickup(backend.stores(WEI_SIM).get(0).id()), ""), "contract-order-3");
        backend.cancelProductOrder(simOrder.id());
        catchThrowable(() -> backend.cancelProductOrder("PO-NOTHING"));
        catchThrowable(() -> backend.activationCode(simOrder.id())); // 409: cancelled, not completed
        ProductOrder delivered = backend.orderReissue(new ReissueRequest(WEI_SIM, simProof.id(), ReissueReason.DAMAGED,
                new Fulfilment.Delivery("1 High St, London SW1A 1AA"), ""), "contract-order-4");
        sim.clock().advance(Duration.ofSeconds(30));
        sim.clock().advance(Duration.ofSeconds(30));
        catchThrowable(() -> backend.activationCode(delivered.id())); // 422 notEsim
        OtpChallenge guessed = backend.sendOtpToOtherChannel(LI_NA);
        String wrongCode = "000000".equals(lastCode("+8613900139000")) ? "111111" : "000000";
        for (int attempt = 0; attempt < 3; attempt++) {
            backend.checkOtp(guessed.id(), wrongCode);
        }
        catchThrowable(() -> backend.sendOtpToOtherChannel(LI_NA)); // 429 verificationLocked
    }

    private List<String> driftedErrors(RecordingProxy.Exchange exchange, String from, String to) {
        assertThat(exchange.responseBody()).contains(from);
        Response drifted = SimpleResponse.Builder.status(exchange.status())
                .withContentType(exchange.responseContentType())
                .withBody(exchange.responseBody().replace(from, to))
                .build();
        return messages(validator.validate(request(exchange), drifted), "validation.response");
    }

    private static Request request(RecordingProxy.Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path())
                .withAccept("application/json");
        exchange.query().forEach(request::withQueryParam);
        exchange.requestHeaders().forEach(request::withHeader);
        if (!exchange.requestBody().isEmpty()) {
            request.withContentType(exchange.requestContentType()).withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static Response response(RecordingProxy.Exchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (!exchange.responseBody().isEmpty()) {
            response.withContentType(exchange.responseContentType()).withBody(exchange.responseBody());
        }
        return response.build();
    }

    private static List<String> messages(ValidationReport report, String keyPrefix) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> message.getKey().startsWith(keyPrefix))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static String operation(RecordingProxy.Exchange exchange) {
        return operations.entrySet().stream()
                .filter(op -> op.getValue().startsWith(exchange.method() + " "))
                .filter(op -> op.getKey().matcher(exchange.path()).matches())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("undocumented " + exchange);
    }

    private static Pattern template(String path) {
        return Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+"));
    }
}
