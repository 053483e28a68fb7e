package csbot.bot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's simulator as a person trying the demo uses it: the SMS panel, and its clock moved on by the admin API. */
final class DemoSimulator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final URI base;

    DemoSimulator(int port) {
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The code in the newest SMS to {@code msisdn}, as the SMS panel shows it. */
    String latestCode(String msisdn) throws IOException, InterruptedException {
        JsonNode texts = JSON.readTree(HTTP.send(HttpRequest.newBuilder(base.resolve("sim/sms?msisdn="
                + URLEncoder.encode(msisdn, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        Matcher code = CODE.matcher(texts.get(texts.size() - 1).get("text").asText());
        assertThat(code.find()).as("a code in the SMS panel of %s", msisdn).isTrue();
        return code.group(1);
    }

    /** Moves the simulator's clock on, e.g. past a reissue order's review, instead of waiting. */
    void advanceClock(long seconds) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("sim/admin/clock"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\":" + seconds + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 204);
    }
}
