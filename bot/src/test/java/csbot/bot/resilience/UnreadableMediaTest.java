package csbot.bot.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bad input: <b>media the bot cannot read</b> — a photo (of a bill, of the SIM card), a voice message, a sticker, a
 * document, a location. The customer gets a clear text answer asking them to type, never silence; in the middle of
 * a flow the step waits and the flow goes on when they do type.
 */
@DisplayName("Media the bot cannot read: a clear text answer, and the flow goes on")
class UnreadableMediaTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(900_000);

    private static World world;
    private static DemoLine ukSim;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        world.startBot();
        ukSim = world.ukSim();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("a photo, in Chinese: asked to type instead")
    void aPhotoIsAnsweredInText() {
        Customer wei = world.newCustomer("Wei", "zh-CN");
        wei.user().sendPhoto(JPEG, "我的账单");
        wei.hears("无法识别图片", "请用文字告诉我");
    }

    @Test
    @DisplayName("a voice message, a sticker, a document and a location each get the same clear answer")
    void otherMediaAreAnsweredInText() {
        Customer sam = world.newCustomer("Sam", "en");
        sam.says("/menu");
        sam.hears("What would you like to do?");

        enqueue(sam, "voice", JSON.createObjectNode().put("file_id", "voice-1").put("file_unique_id", "v1")
                .put("duration", 4));
        sam.hears("can't read pictures, files or voice messages");
        enqueue(sam, "sticker", JSON.createObjectNode().put("file_id", "sticker-1").put("file_unique_id", "s1")
                .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", false)
                .put("is_video", false));
        sam.hears("can't read pictures, files or voice messages");
        sam.says("/menu");
        sam.hears("What would you like to do?");
        enqueue(sam, "document", JSON.createObjectNode().put("file_id", "doc-1").put("file_unique_id", "d1")
                .put("file_name", "bill.pdf"));
        sam.hears("can't read pictures, files or voice messages");
        enqueue(sam, "location", JSON.createObjectNode().put("latitude", 51.5).put("longitude", -0.12));
        sam.hears("can't read pictures, files or voice messages");
    }

    @Test
    @DisplayName("a photo of the SMS instead of the code: a clear answer, then the typed code still links")
    void aPhotoInTheMiddleOfAFlowLeavesTheStepWaiting() {
        world.sim.reset();
        Customer ann = world.newCustomer("Ann", "en");
        ann.says("/link");
        ann.hears("Link a number");
        ann.says(ukSim.msisdn());
        ann.hears("We sent a code by SMS");

        ann.user().sendPhoto(JPEG, "the code");
        ann.hears("can't read pictures");

        ann.says(world.latestCode(ukSim.msisdn()));
        ann.hears("✅ Linked", ukSim.lastFour());
    }

    /** A message with {@code field} as Telegram clients send it, for kinds the emulator's user has no verb for. */
    private static void enqueue(Customer from, String field, ObjectNode content) {
        ObjectNode message = JSON.createObjectNode()
                .put("message_id", MESSAGE_IDS.incrementAndGet())
                .put("date", Instant.now().getEpochSecond());
        message.putObject("from").put("id", from.id()).put("is_bot", false)
                .put("first_name", from.user().firstName()).put("language_code", from.user().languageCode());
        message.putObject("chat").put("id", from.id()).put("type", "private")
                .put("first_name", from.user().firstName());
        message.set(field, content);
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        world.telegram.enqueue(update);
    }
}
