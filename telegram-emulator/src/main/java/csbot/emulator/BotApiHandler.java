package csbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/** {@code /bot<token>/<method>}: the Bot API over HTTP, answering in Telegram's envelope. */
final class BotApiHandler implements HttpHandler {

    static final String PREFIX = "/bot";

    private final String token;
    private final BotApi api;

    BotApiHandler(String token, BotApi api) {
        this.token = token;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int slash = path.indexOf('/', PREFIX.length());
            String givenToken = path.substring(PREFIX.length(), slash < 0 ? path.length() : slash);
            String method = slash < 0 ? "" : path.substring(slash + 1);
            BotApi.Outcome outcome;
            if (!givenToken.equals(token)) {
                Exchanges.body(exchange);
                outcome = new BotApi.Outcome(null, ApiError.unauthorized());
            } else if (method.isEmpty() || method.contains("/")) {
                Exchanges.body(exchange);
                outcome = new BotApi.Outcome(null, ApiError.notFound());
            } else {
                outcome = invoke(method, exchange);
            }
            respond(exchange, outcome);
        }
    }

    private BotApi.Outcome invoke(String method, HttpExchange exchange) throws IOException {
        MethodCall call;
        try {
            call = RequestParams.read(api.canonicalName(method), exchange);
        } catch (BotApiException e) {
            return new BotApi.Outcome(null, e.error());
        }
        return api.invoke(call);
    }

    private static void respond(HttpExchange exchange, BotApi.Outcome outcome) throws IOException {
        ObjectNode envelope = Json.object();
        ApiError error = outcome.error();
        if (error == null) {
            envelope.put("ok", true).set("result", outcome.result());
            Exchanges.sendJson(exchange, 200, envelope);
            return;
        }
        envelope.put("ok", false).put("error_code", error.errorCode()).put("description", error.description());
        if (error.retryAfter() > 0) {
            envelope.putObject("parameters").put("retry_after", error.retryAfter());
        }
        Exchanges.sendJson(exchange, error.errorCode(), envelope);
    }
}
