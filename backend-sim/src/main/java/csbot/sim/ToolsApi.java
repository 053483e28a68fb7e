package csbot.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The simulator's read-only endpoints for tests, tools and the demo page ({@code /sim/*}). */
final class ToolsApi {

    private static final String CONTRACT = "/openapi/account-backend.yaml";

    private final AccountStore store;
    private final SmsOutbox outbox;
    private final SimClock clock;
    private final TopUpProcessor topUps;
    private final Events events;
    private final TroubleTickets tickets;
    private final byte[] contract;

    ToolsApi(AccountStore store, SmsOutbox outbox, SimClock clock, TopUpProcessor topUps, Events events,
             TroubleTickets tickets) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.topUps = topUps;
        this.events = events;
        this.tickets = tickets;
        this.contract = readContract();
    }

    void register(Router router) {
        router.add("GET", "/sim/customers", request -> customers())
                .add("GET", "/sim/sms", this::sms)
                .add("GET", "/sim/ledger", request -> Reply.ok(topUps.ledger()))
                .add("GET", "/sim/events", request -> Reply.ok(events.emitted()))
                .add("GET", "/sim/troubleTickets", request -> Reply.ok(tickets.all()))
                .add("GET", "/sim/openapi.yaml", request -> new Reply(200, "application/yaml", contract));
    }

    private Reply customers() {
        Instant now = clock.now();
        return Reply.ok(store.lines().stream().map(owned -> LineSummary.of(owned.owner(), owned.line(), now)).toList());
    }

    private Reply sms(Request request) {
        return Reply.ok(outbox.to(Inputs.msisdn(request.requiredQuery("msisdn"))));
    }

    /** The contract this simulator serves, published so tools can read it from the running simulator. */
    private static byte[] readContract() {
        try (InputStream in = ToolsApi.class.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
