package csbot.bot.testing;

import csbot.dialogs.store.KeySpace;
import csbot.emulator.ApiCall;
import csbot.emulator.TelegramEmulator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * What resilience tests look at besides the chat itself: the Bot API calls the emulator recorded, the bot's
 * counters, and what is stored in Redis.
 */
public final class Observed {

    private Observed() {
    }

    /** The sendMessage calls Telegram accepted for this chat, in the order they arrived. */
    public static List<ApiCall> messagesSentTo(TelegramEmulator telegram, long chatId) {
        return telegram.calls("sendMessage").stream()
                .filter(ApiCall::ok)
                .filter(call -> call.param("chat_id").equals(Long.toString(chatId)))
                .toList();
    }

    /** The texts of {@link #messagesSentTo}, in order. */
    public static List<String> textsSentTo(TelegramEmulator telegram, long chatId) {
        return messagesSentTo(telegram, chatId).stream().map(call -> call.param("text")).toList();
    }

    /** The count of updates that ended with this {@code outcome} (handled, duplicate, rate_limited …). */
    public static double updates(ConfigurableApplicationContext bot, String outcome) {
        return bot.getBean(MeterRegistry.class).counter("csbot.updates", "outcome", outcome).count();
    }

    /** The JSON of a chat's stored profile (linked lines, language), if there is one. */
    public static Optional<String> storedProfile(World world, long chatId) {
        return get(World.REDIS_URL, new KeySpace(world.keyPrefix).profile(chatId));
    }

    /** The JSON of a chat's stored session, if there is one. */
    public static Optional<String> storedSession(World world, long chatId) {
        return get(World.REDIS_URL, new KeySpace(world.keyPrefix).session(chatId));
    }

    public static Optional<String> get(String redisUrl, String key) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return Optional.ofNullable(connection.sync().get(key));
        } finally {
            client.shutdown();
        }
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
