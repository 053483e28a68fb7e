package csbot.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here: route, count, apply faults, run the handler, write the answer.
 * Logs name routes only, never paths or queries, so no phone number or ICCID reaches a log.
 */
final class SimHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SimHttpHandler.class);

    private final Router router;
    private final Faults faults;
    private final RequestCounter requests;
    private final Executor workers;
    private final ScheduledExecutorService delays;

    SimHttpHandler(Router router, Faults faults, RequestCounter requests, Executor workers,
                   ScheduledExecutorService delays) {
        this.router = router;
        this.faults = faults;
        this.requests = requests;
        this.workers = workers;
        this.delays = delays;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        Router.Match match;
        try {
            match = router.match(exchange.getRequestMethod(), path);
        } catch (ApiError unknown) {
            respond(exchange, "unrouted", unknown.reply(), false);
            return;
        }
        requests.record(match.route().key());
        Faults.Decision fault = match.route().isTool() ? Faults.Decision.NONE : faults.decide(path);
        if (fault.latencyMs() > 0) {
            // a timer instead of a sleeping worker: injected latency must not eat the thread pool
            delays.schedule(() -> workers.execute(() -> serve(exchange, match, fault)), fault.latencyMs(),
                    TimeUnit.MILLISECONDS);
        } else {
            serve(exchange, match, fault);
        }
    }

    private void serve(HttpExchange exchange, Router.Match match, Faults.Decision fault) {
        String route = match.route().key();
        if (fault.fail()) {
            respond(exchange, route, ApiError.unavailable().reply(), false);
            return;
        }
        Reply reply = invoke(exchange, match);
        if (fault.dropResponse()) {
            // the change is made, the caller never hears of it: closing before any status line
            log.debug("{} → dropped", route);
            exchange.close();
            return;
        }
        boolean cors = match.route().isTool() && "GET".equals(match.route().method());
        respond(exchange, route, reply, cors);
    }

    private static Reply invoke(HttpExchange exchange, Router.Match match) {
        try {
            return match.route().handler().handle(Request.read(exchange, match.pathParams()));
        } catch (ApiError refused) {
            return refused.reply();
        } catch (RuntimeException bug) {
            log.error("{} failed", match.route().key(), bug);
            return new ApiError(500, "internalError", "The simulator failed; see its log").reply();
        }
    }

    private static void respond(HttpExchange exchange, String route, Reply reply, boolean cors) {
        try (OutputStream out = exchange.getResponseBody()) {
            if (!reply.contentType().isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            if (cors) {
                // the demo's web chat page, served from another port, reads the SMS outbox
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            out.write(reply.body());
            log.debug("{} → {}", route, reply.status());
        } catch (IOException gone) {
            log.debug("{}: the client left before the answer ({})", route, gone.getMessage());
        } finally {
            exchange.close();
        }
    }
}
