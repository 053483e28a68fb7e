package csbot.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a {@link TelegramEmulator}.
 *
 * @param host         address to bind; loopback by default so a demo never exposes the fake Telegram
 * @param port         TCP port, 0 for a free one
 * @param token        the only bot token the Bot API side accepts; its numeric prefix is the bot's user id
 * @param botUsername  what {@code getMe} answers
 * @param limits       flood limits that answer 429, {@link RateLimits#OFF} by default
 * @param pageSettings handed to the web chat page as is (e.g. {@code simulatorUrl})
 * @param httpThreads  worker threads; long polls (getUpdates, the page's event stream) each hold one
 * @param callLogLimit how many of the latest calls {@link TelegramEmulator#calls()} keeps, so a long
 *                     benchmark does not fill the heap
 * @param preCheckoutTimeout how long a payment waits for the bot's answerPreCheckoutQuery before the user is
 *                     told the bot did not respond and a late answer is refused: Telegram's 10 s by default,
 *                     shorter in tests of a bot that never answers
 */
public record EmulatorConfig(String host, int port, String token, String botUsername, RateLimits limits,
                             Map<String, String> pageSettings, int httpThreads, int callLogLimit,
                             Duration preCheckoutTimeout) {

    public static final String DEFAULT_TOKEN = "123456789:EMULATOR-token_for-tests";

    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(botUsername, "botUsername");
        Objects.requireNonNull(limits, "limits");
        if (token == null || !token.matches("\\d+:[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a bot token looks like <digits>:<letters, digits, _ or ->");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (httpThreads < 2) {
            throw new IllegalArgumentException("at least 2 HTTP threads: one is taken by the bot's long poll");
        }
        if (callLogLimit < 1) {
            throw new IllegalArgumentException("callLogLimit " + callLogLimit);
        }
        if (preCheckoutTimeout == null || preCheckoutTimeout.isNegative() || preCheckoutTimeout.isZero()) {
            throw new IllegalArgumentException("preCheckoutTimeout " + preCheckoutTimeout);
        }
        pageSettings = Map.copyOf(pageSettings);
    }

    public static EmulatorConfig defaults() {
        return new EmulatorConfig("127.0.0.1", 0, DEFAULT_TOKEN, "csbot_demo_bot", RateLimits.OFF, Map.of(), 64,
                100_000, Duration.ofSeconds(10));
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, port, token, botUsername, limits, pageSettings, httpThreads, callLogLimit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(host, newPort, token, botUsername, limits, pageSettings, httpThreads, callLogLimit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withToken(String newToken) {
        return new EmulatorConfig(host, port, newToken, botUsername, limits, pageSettings, httpThreads, callLogLimit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withBotUsername(String newUsername) {
        return new EmulatorConfig(host, port, token, newUsername, limits, pageSettings, httpThreads, callLogLimit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withLimits(RateLimits newLimits) {
        return new EmulatorConfig(host, port, token, botUsername, newLimits, pageSettings, httpThreads, callLogLimit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withPageSettings(Map<String, String> newSettings) {
        return new EmulatorConfig(host, port, token, botUsername, limits, newSettings, httpThreads, callLogLimit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withHttpThreads(int threads) {
        return new EmulatorConfig(host, port, token, botUsername, limits, pageSettings, threads, callLogLimit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withCallLogLimit(int limit) {
        return new EmulatorConfig(host, port, token, botUsername, limits, pageSettings, httpThreads, limit,
                preCheckoutTimeout);
    }

    public EmulatorConfig withPreCheckoutTimeout(Duration timeout) {
        return new EmulatorConfig(host, port, token, botUsername, limits, pageSettings, httpThreads, callLogLimit,
                timeout);
    }

    /** Telegram's bot tokens start with the bot's user id. */
    public long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }
}
