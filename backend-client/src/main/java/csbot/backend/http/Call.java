package csbot.backend.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One request to the backend, described before it is sent.
 *
 * @param path           the contract path as a template, e.g. {@code /ext/v1/lines/{msisdn}/topupOptions}; it is
 *                       what logs show, so a number or id in the path never reaches a log
 * @param pathValues     the values of the template's placeholders, in order; raw, encoded when the URI is built
 * @param query          raw values; encoded when the URI is built
 * @param idempotencyKey sent as {@code Idempotency-Key}; it is what makes a POST safe to retry
 * @param subject        what the call is about, masked, for {@code NotFound} messages
 */
record Call(Verb verb, String path, List<String> pathValues, Map<String, String> query, Optional<Object> body,
            Optional<String> idempotencyKey, String subject) {

    enum Verb { GET, POST, PATCH, DELETE }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^/}]+}");

    Call {
        pathValues = List.copyOf(pathValues);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query)); // keeps URIs stable for logs and tests
        long placeholders = PLACEHOLDER.matcher(path).results().count();
        if (placeholders != pathValues.size()) {
            throw new IllegalArgumentException(path + " needs " + placeholders + " path values");
        }
    }

    static Call get(String path, String subject, String... pathValues) {
        return new Call(Verb.GET, path, List.of(pathValues), Map.of(), Optional.empty(), Optional.empty(), subject);
    }

    static Call post(String path, Object body, String subject, String... pathValues) {
        return new Call(Verb.POST, path, List.of(pathValues), Map.of(), Optional.of(body), Optional.empty(), subject);
    }

    /** A JSON merge patch ({@code application/merge-patch+json}) of absolute values. */
    static Call patch(String path, Object body, String subject, String... pathValues) {
        return new Call(Verb.PATCH, path, List.of(pathValues), Map.of(), Optional.of(body), Optional.empty(), subject);
    }

    static Call delete(String path, String subject, String... pathValues) {
        return new Call(Verb.DELETE, path, List.of(pathValues), Map.of(), Optional.empty(), Optional.empty(), subject);
    }

    Call withQuery(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new Call(verb, path, pathValues, more, body, idempotencyKey, subject);
    }

    /** For POSTs whose repetition the backend recognises (top-ups, links, rules, tickets): such a call may be retried. */
    Call withIdempotencyKey(String key) {
        return new Call(verb, path, pathValues, query, body, Optional.of(key), subject);
    }

    /**
     * GET and DELETE are idempotent by HTTP's definition; our PATCHes carry absolute values only, so a repeat
     * changes nothing; a POST only when it carries an idempotency key the backend recognises.
     */
    boolean idempotent() {
        return verb != Verb.POST || idempotencyKey.isPresent();
    }

    URI uri(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        String queryString = query.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + filledPath() + (queryString.isEmpty() ? "" : "?" + queryString));
    }

    /** Only the verb and the path template: the values, query and body may hold phone numbers or codes. */
    @Override
    public String toString() {
        return verb + " " + path;
    }

    private String filledPath() {
        Matcher placeholders = PLACEHOLDER.matcher(path);
        StringBuilder filled = new StringBuilder();
        int next = 0;
        while (placeholders.find()) {
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(encode(pathValues.get(next++))));
        }
        placeholders.appendTail(filled);
        return filled.toString();
    }

    /** Form encoding with spaces as %20, so it is right in paths too; turns the {@code +} of E.164 into %2B. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
