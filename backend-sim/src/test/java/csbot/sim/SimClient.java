package csbot.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP against a running simulator, as any client in any language would talk to it. */
final class SimClient {

    record Answer(int status, JsonNode json, HttpHeaders headers, String text) {
    }

    /** Exact decimals: {@code 12.50} stays {@code 12.50}, so tests can see the money as sent. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    SimClient(URI base) {
        this.base = base;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Answer get(String pathAndQuery) throws IOException {
        return send(request(pathAndQuery).GET());
    }

    Answer post(String path, String json) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A creating POST with its {@code Idempotency-Key}. */
    Answer post(String path, String idempotencyKey, String json) throws IOException {
        return send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An HTML form post, as a browser sends it. */
    Answer postForm(String path, String form) throws IOException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Answer patch(String path, String json) throws IOException {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) throws IOException {
        return send(request(path).DELETE());
    }

    /** Sends a code to the line and returns the verification id. */
    String sendCode(String msisdn) throws IOException {
        Answer sent = post("/ext/v1/verifications", "{\"msisdn\":\"" + msisdn + "\",\"channel\":\"sms\"}");
        if (sent.status() != 201) {
            throw new AssertionError("code not sent: " + sent);
        }
        return sent.json().get("id").asText();
    }

    Answer check(String verificationId, String code) throws IOException {
        return post("/ext/v1/verifications/" + verificationId + "/check", "{\"code\":\"" + code + "\"}");
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery));
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith(Reply.JSON);
            JsonNode json = isJson ? JSON.readTree(response.body()) : MissingNode.getInstance();
            return new Answer(response.statusCode(), json, response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
