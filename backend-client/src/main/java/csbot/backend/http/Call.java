package csbot.backend.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One request to the backend, described before it is sent.
 *
 * @param path           the contract path, segments already encoded with {@link #segment(String)}
 * @param query          raw values; encoded when the URI is built
 * @param idempotencyKey sent as {@code Idempotency-Key}; it is what makes a POST safe to retry
 * @param subject        what the call is about, masked, for {@code NotFound} messages
 */
record Call(Verb verb, String path, Map<String, String> query, Optional<Object> body,
            Optional<String> idempotencyKey, String subject) {

    enum Verb { GET, POST, DELETE }

    Call {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query)); // keeps URIs stable for logs and tests
    }

    static Call get(String path, String subject) {
        return new Call(Verb.GET, path, Map.of(), Optional.empty(), Optional.empty(), subject);
    }

    static Call post(String path, Object body, String subject) {
        return new Call(Verb.POST, path, Map.of(), Optional.of(body), Optional.empty(), subject);
    }

    static Call delete(String path, String subject) {
        return new Call(Verb.DELETE, path, Map.of(), Optional.empty(), Optional.empty(), subject);
    }

    Call withQuery(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new Call(verb, path, more, body, idempotencyKey, subject);
    }

    /** For POSTs whose repetition the backend recognises (top-ups): such a call may be retried. */
    Call withIdempotencyKey(String key) {
        return new Call(verb, path, query, body, Optional.of(key), subject);
    }

    /** GET and DELETE are idempotent by HTTP's definition; a POST only when the backend can spot a repeat. */
    boolean idempotent() {
        return verb != Verb.POST || idempotencyKey.isPresent();
    }

    URI uri(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        String queryString = query.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + (queryString.isEmpty() ? "" : "?" + queryString));
    }

    /** Encodes an id for use as one path segment. */
    static String segment(String value) {
        return encode(value);
    }

    /** Only the verb and path: the query and body may hold phone numbers or codes. */
    @Override
    public String toString() {
        return verb + " " + path;
    }

    /** Form encoding with spaces as %20, so it is right in paths too; turns the {@code +} of E.164 into %2B. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
