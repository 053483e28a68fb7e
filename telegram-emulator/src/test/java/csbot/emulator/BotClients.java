package csbot.emulator;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    static byte[] png(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
