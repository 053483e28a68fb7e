package csbot.backend.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sits between the real client and the real simulator and keeps a copy of every request and answer,
 * so a test can check both sides of each exchange against the contract document.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request and its answer as they crossed the wire: path as sent, query values decoded, the contract's headers. */
    record Exchange(String method, String path, Map<String, List<String>> query, Map<String, String> requestHeaders,
                    String requestContentType, String requestBody, int status, String responseContentType,
                    String responseBody) {

        @Override
        public String toString() {
            return method + " " + path + " → " + status;
        }
    }

    /** Request headers passed on and recorded besides Content-Type: the ones the contract defines. */
    private static final List<String> CONTRACT_HEADERS = List.of("Idempotency-Key");

    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final String target;
    private final HttpServer server;

    RecordingProxy(URI target) {
        this.target = target.toString().replaceAll("/+$", "");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::relay);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void relay(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        String requestType = exchange.getRequestHeaders().getFirst("Content-Type");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(exchange.getRequestMethod(), requestBody.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(requestBody));
        if (requestType != null) {
            request.header("Content-Type", requestType);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : CONTRACT_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String responseType = response.headers().firstValue("Content-Type").orElse("");
        // the raw path: the validator decodes it itself, and would read a decoded "+" as a space
        exchanges.add(new Exchange(exchange.getRequestMethod(), uri.getRawPath(), decode(uri.getRawQuery()), headers,
                requestType == null ? "" : requestType, new String(requestBody, StandardCharsets.UTF_8),
                response.statusCode(), responseType, new String(response.body(), StandardCharsets.UTF_8)));
        if (!responseType.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", responseType);
        }
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        exchange.getResponseBody().write(response.body());
        exchange.close();
    }

    private static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nameValue = pair.split("=", 2);
                query.computeIfAbsent(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                        .add(nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
