package csbot.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The carrier account backend, simulated: serves the contract over HTTP from an in-memory store
 * seeded with demo customers. Start one per test class or demo, close it when done.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    /** Room for bursts of connections from benchmarks. */
    private static final int ACCEPT_BACKLOG = 1024;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body separately; with Nagle on, each keep-alive answer then
        // waits for the client's delayed ACK (~40 ms), capping a connection at ~25 requests/s.
        // Read once per JVM, when the first HttpServer is made, so it has to be set before that.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    /** How often pending top-ups and periodic auto top-ups are looked at, in wall-clock time. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(200);
    private static final int EVENT_SENDERS = 4;

    private final SimClock clock = new SimClock(Clock.systemUTC());
    private final Faults faults = new Faults();
    private final AccountStore store = new AccountStore();
    private final Verifications verifications = new Verifications();
    private final SmsOutbox outbox = new SmsOutbox();
    private final HubRegistry hub = new HubRegistry();
    private final RequestCounter requests = new RequestCounter();
    private final TopUpOutcomes outcomes = new TopUpOutcomes();
    private final SavedMethods savedMethods = new SavedMethods();
    private final TopupBalances balances = new TopupBalances();
    private final TroubleTickets tickets = new TroubleTickets();
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final ExecutorService eventSenders;
    private final ScheduledExecutorService timer;
    private final URI baseUrl;
    private final Events events;
    private final TopUpProcessor topUps;
    private final AutoTopUps autoTopUps;
    private final PaymentLinks paymentLinks;
    private final Reissues reissues;
    private final LineAlerts lineAlerts;

    private Simulator(SimulatorConfig config) throws IOException {
        server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), ACCEPT_BACKLOG);
        baseUrl = urlOf(server.getAddress());
        workers = Executors.newFixedThreadPool(config.workerThreads(), daemonThreads("sim-worker"));
        delays = Executors.newSingleThreadScheduledExecutor(daemonThreads("sim-delay"));
        eventSenders = Executors.newFixedThreadPool(EVENT_SENDERS, daemonThreads("sim-events"));
        timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("sim-timer"));
        events = new Events(hub, new EventDelivery(new HubSignature(config.hubSecret()), hub, eventSenders, timer,
                Clock.systemUTC()));
        topUps = new TopUpProcessor(store, savedMethods, balances, outcomes, outbox, events, clock);
        autoTopUps = new AutoTopUps(store, savedMethods, balances, topUps, clock);
        paymentLinks = new PaymentLinks(store, topUps, events, clock, baseUrl);
        reissues = new Reissues(store, verifications, outbox, events, clock);
        lineAlerts = new LineAlerts(events, clock.now());
        reset();
        server.createContext("/", new SimHttpHandler(routes(), faults, requests, workers, delays));
        server.setExecutor(workers);
        server.start();
        clock.onAdvance(this::sweep);
        timer.scheduleWithFixedDelay(this::sweep, SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Account backend simulator listening on {} (contract at {}sim/openapi.yaml)", baseUrl, baseUrl);
    }

    /** Binds and serves at once. Fails with {@link UncheckedIOException} when the address cannot be bound. */
    public static Simulator start(SimulatorConfig config) {
        try {
            return new Simulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** E.g. {@code http://127.0.0.1:41234/}; contract paths resolve against it. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The text messages sent to a line, oldest first. */
    public List<Sms> sms(String msisdn) {
        return outbox.to(msisdn);
    }

    public Faults faults() {
        return faults;
    }

    public SimClock clock() {
        return clock;
    }

    /** What becomes of the next top-ups: complete (the default), fail or stay pending for a while. */
    public TopUpOutcomes topUpOutcomes() {
        return outcomes;
    }

    /** Every top-up made since the last reset, oldest first, with its idempotency key and payment reference. */
    public List<LedgerEntry> ledger() {
        return topUps.ledger();
    }

    /** The events emitted since the last reset (the last 500), oldest first, with how their deliveries went. */
    public List<EmittedEvent> events() {
        return events.emitted();
    }

    /** Requests received on a route, faulted ones included; e.g. {@code requestCount("GET /ext/v1/lines")}. */
    public long requestCount(String route) {
        return requests.count(route);
    }

    /**
     * What becomes of the next reissue order once its work is done: {@code completed} (the default), {@code failed}
     * or {@code rejected}, with a reason code such as {@code deviceNotEligible}.
     */
    public void nextReissueOutcome(String state, String reason) {
        reissues.nextOutcome(Json.MAPPER.convertValue(Map.of("state", state, "reason", reason),
                Reissues.Outcome.class));
    }

    /** Turns the account's SIM-change lock of the line's account on or off. */
    public void simChangeLock(String msisdn, boolean on) {
        reissues.simChangeLock(msisdn, on);
    }

    /** The reissue orders of a line, newest first, by id. */
    public List<String> reissueOrders(String msisdn) {
        return reissues.ofLine(msisdn).stream().map(Reissues.OrderJson::id).toList();
    }

    /** The eSIM activation code ({@code LPA:1$…$…}) of a completed order; empty for a SIM order. */
    public Optional<String> activationCode(String orderId) {
        return reissues.activationCode(orderId).map(Reissues.ActivationCode::lpa);
    }

    /** The callback URLs of the hub's listeners, by subscription id: a test may drop one to lose events. */
    public Map<String, String> hubListeners() {
        return hub.all().stream().collect(Collectors.toMap(HubRegistry.Subscription::id,
                HubRegistry.Subscription::callback));
    }

    /** Back to the state just after start: demo customers re-seeded, everything else forgotten. */
    public void reset() {
        faults.clear();
        clock.reset();
        outbox.clear();
        verifications.clear();
        hub.clear();
        requests.clear();
        outcomes.clear();
        topUps.clear();
        autoTopUps.clear();
        paymentLinks.clear();
        reissues.clear();
        balances.clear();
        tickets.clear();
        events.clear();
        savedMethods.clear();
        store.clear();
        DemoSeed.into(store, clock.now());
        DemoSeed.paymentMethodsInto(store, savedMethods);
        lineAlerts.reset(clock.now());
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        eventSenders.shutdownNow();
        delays.shutdownNow();
        workers.shutdownNow();
        log.info("Account backend simulator on {} stopped", baseUrl);
    }

    /** Settles pending top-ups and runs periodic auto top-ups that are due; after every clock advance and every 200 ms. */
    private void sweep() {
        try {
            Instant now = clock.now();
            topUps.sweep(now);
            autoTopUps.sweep(now);
            reissues.sweep(now);
            lineAlerts.sweep(store.lines(), now);
        } catch (RuntimeException bug) {
            // logged, not thrown: a scheduled task that throws is never run again
            log.error("sweep failed", bug);
        }
    }

    private Router routes() {
        Router router = new Router();
        new LinesApi(store, clock).register(router);
        new VerificationApi(store, verifications, outbox, clock).register(router);
        new HubApi(hub).register(router);
        new TopUpApi(store, savedMethods, balances, topUps, autoTopUps).register(router);
        new ThresholdTopupApi(autoTopUps).register(router);
        new PaymentLinkApi(paymentLinks).register(router);
        new TroubleTicketApi(tickets, clock).register(router);
        new CheckoutApi(paymentLinks).register(router);
        new ReissueApi(store, reissues, clock).register(router);
        new ToolsApi(store, outbox, clock, topUps, events, tickets).register(router);
        new AdminApi(faults, clock, store, outcomes, savedMethods, autoTopUps, lineAlerts, this::reset).register(router);
        return router;
    }

    private static URI urlOf(InetSocketAddress address) {
        // a wildcard bind is reachable on loopback; that is the address local callers should use
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** Daemon threads: a simulator someone forgot to close must not keep the JVM alive. */
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
