package csbot.emulator;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The real Bot API client, pointed at an emulator, as the bot under test would be. */
final class BotClients {

    private BotClients() {
    }

    static TelegramClient clientFor(TelegramEmulator telegram) {
        return clientFor(telegram, telegram.token());
    }

    static TelegramClient clientFor(TelegramEmulator telegram, String token) {
        return new OkHttpTelegramClient(token, new TelegramUrl("http", telegram.host(), telegram.port(), false));
    }

    /** A Bot API call with a JSON body the real client would refuse to send (it validates first). */
    static HttpResponse<String> raw(TelegramEmulator telegram, String method, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/bot" + telegram.token() + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] png(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
