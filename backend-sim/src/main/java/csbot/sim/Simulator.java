package csbot.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final SimClock clock = new SimClock(Clock.systemUTC());
    private final Faults faults = new Faults();
    private final AccountStore store = new AccountStore();
    private final Verifications verifications = new Verifications();
    private final SmsOutbox outbox = new SmsOutbox();
    private final HubRegistry hub = new HubRegistry();
    private final RequestCounter requests = new RequestCounter();
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final URI baseUrl;

    private Simulator(SimulatorConfig config) throws IOException {
        server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), ACCEPT_BACKLOG);
        workers = Executors.newFixedThreadPool(config.workerThreads(), daemonThreads("sim-worker"));
        delays = Executors.newSingleThreadScheduledExecutor(daemonThreads("sim-delay"));
        reset();
        server.createContext("/", new SimHttpHandler(routes(), faults, requests, workers, delays));
        server.setExecutor(workers);
        server.start();
        baseUrl = urlOf(server.getAddress());
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

    /** Requests received on a route, faulted ones included; e.g. {@code requestCount("GET /ext/v1/lines")}. */
    public long requestCount(String route) {
        return requests.count(route);
    }

    /** Back to the state just after start: demo customers re-seeded, everything else forgotten. */
    public void reset() {
        faults.clear();
        clock.reset();
        outbox.clear();
        verifications.clear();
        hub.clear();
        requests.clear();
        store.clear();
        DemoSeed.into(store, clock.now());
    }

    @Override
    public void close() {
        server.stop(0);
        delays.shutdownNow();
        workers.shutdownNow();
        log.info("Account backend simulator on {} stopped", baseUrl);
    }

    private Router routes() {
        Router router = new Router();
        new LinesApi(store, clock).register(router);
        new VerificationApi(store, verifications, outbox, clock).register(router);
        new HubApi(hub).register(router);
        new ToolsApi(store, outbox, clock).register(router);
        new AdminApi(faults, clock, store, this::reset).register(router);
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
