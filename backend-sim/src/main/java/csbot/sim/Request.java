package csbot.sim;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a handler needs of an HTTP request: decoded path and query parameters, the headers (names in lower case,
 * first value only) and the body.
 */
record Request(Map<String, String> pathParams, Map<String, String> query, Map<String, String> headers, byte[] body) {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[!-~]{1,255}");

    static Request read(HttpExchange exchange, Map<String, String> pathParams) {
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
                }
            });
            return new Request(pathParams, parseQuery(exchange.getRequestURI().getRawQuery()), headers,
                    in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code Idempotency-Key} a creating request must carry: printable ASCII, no spaces, 1–255 characters. */
    String idempotencyKey() {
        String key = header("Idempotency-Key").orElseThrow(() -> ApiError.badRequest("idempotencyKeyRequired",
                "this request moves money or opens a case: send an Idempotency-Key header, one per operation"));
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiError.badRequest("invalidIdempotencyKey",
                    "an Idempotency-Key is 1 to 255 printable ASCII characters without spaces");
        }
        return key;
    }

    String pathParam(String name) {
        return pathParams.get(name);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    String requiredQuery(String name) {
        return query(name).orElseThrow(() -> ApiError.badRequest("invalidQuery", "query parameter " + name + " is required"));
    }

    <T> T json(Class<T> type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (ValueInstantiationException e) {
            // our input records validate themselves: keep their reason code, or at least their message
            if (e.getCause() instanceof ApiError refused) {
                throw refused;
            }
            throw ApiError.badRequest("invalidBody", e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("invalidBody", "the body must be a JSON " + type.getSimpleName());
        }
    }

    /** Form decoding, as servers do: an unencoded {@code +} becomes a space, so {@code +44…} must arrive as {@code %2B44…}. */
    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        try {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalidQuery", "the query string is not properly percent-encoded");
        }
        return query;
    }
}
