package csbot.bot.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode (no Telegram token): where the Telegram emulator with its web chat and the simulator listen.
 *
 * @param enabled set by {@code DemoModeDetector}, not by hand
 */
@ConfigurationProperties("csbot.demo")
public record DemoProperties(boolean enabled, int chatPort, int simulatorPort) {
}
