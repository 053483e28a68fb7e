package csbot.bot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import csbot.bot.testing.QrCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo requirement for reissue: in the web chat, through the page's own JSON API, Wei replaces the eSIM of
 * his second UK line — links it by sharing contact, taps "damaged", types the code the simulator's SMS panel shows for
 * his other number, confirms — and the QR image the page shows (its {@code /chat/api/file/<id>}, a PNG) decodes to an
 * eSIM activation code whose matching ID is the one in the caption. The simulator's clock is moved on by its admin API
 * instead of waiting for the review.
 */
@Timeout(60)
@ExtendWith(DemoApp.ClosedAtTheEnd.class)
class DemoReissueTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DemoApp demo;
    private static DemoSimulator simulator;
    private static WebChat page;

    @BeforeAll
    static void start() {
        demo = DemoApp.shared();
        simulator = new DemoSimulator(demo.simulatorPort);
        page = new WebChat(demo.chatUrl());
    }

    @BeforeEach
    void theBotHasNeverMetAnyone() {
        demo.forgetEveryone();
        demo.restoreTheDemoLines();
    }

    @Test
    void aPersonReplacesAnEsimInTheWebChatAndTheQrImageShows() throws Exception {
        JsonNode persona = page.personas().stream().filter(p -> p.get("msisdn").asText().equals("+447400123456"))
                .findFirst().orElseThrow();
        WebChat.Person wei = page.as(persona, "en");

        wei.says("/reissue");
        wei.awaitMessage("You haven't linked a number yet");
        wei.awaitMessage("Share my phone number");
        wei.tapsShareContact();
        JsonNode reasons = wei.awaitMessage("A new eSIM for +44 •••• 3456");
        wei.taps(reasons, "💥 Damaged / not working");
        wei.awaitMessage("We sent a code to your account's other contact number +44 ••••••3789");
        wei.says(simulator.latestCode("+447400123789"));
        JsonNode device = wei.awaitMessage("Does the phone you'll use support eSIM?");
        wei.taps(device, "✅ Yes — continue without the EID");
        JsonNode backup = wei.awaitMessage("Back up your phone");
        wei.taps(backup, "✅ Done, continue");
        JsonNode summary = wei.awaitMessage("Please check your order", "Fee: £3.00");
        wei.taps(summary, "✅ Order it (£3.00)");
        wei.awaitMessage("placed: a new eSIM for +44 •••• 3456");

        simulator.advanceClock(15);
        wei.awaitMessage("is being prepared");
        simulator.advanceClock(5);
        JsonNode qr = wei.awaitMessage("Scan this QR code", "SM-DP+ address: smdp.csbot-carrier.example");
        Matcher matchingId = Pattern.compile("Activation code: (\\S+)").matcher(qr.get("text").asText());
        assertThat(matchingId.find()).isTrue();

        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(demo.chatUrl().resolve(
                "chat/api/file/" + URLEncoder.encode(qr.at("/media/fileId").asText(), StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(QrCodes.decode(image.body())).isEqualTo("LPA:1$smdp.csbot-carrier.example$" + matchingId.group(1));
        assertThat(qr.at("/media/kind").asText()).isEqualTo("photo");
    }

}
