package csbot.bot.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param userUpdates  updates one user may send per {@code userWindow}; more are dropped with one notice
 * @param workers      threads handling updates (the work is blocking: Redis and backend calls)
 */
@Validated
@ConfigurationProperties("csbot.gate")
public record GateProperties(@Min(1) int userUpdates, @NotNull Duration userWindow, @Min(1) int workers) {
}
