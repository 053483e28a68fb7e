package csbot.bot.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Environment: {@code REDIS_URL} — {@code redis://host:6379}, {@code rediss://…}, or
 * {@code redis-sentinel://host:26379#mymaster} (Lettuce URI syntax).
 *
 * @param keyPrefix      prefix of every key, so several deployments can share one Redis
 * @param commandTimeout a command that takes longer fails, and the update is retried later
 */
@Validated
@ConfigurationProperties("csbot.redis")
public record RedisProperties(@NotBlank String url, @NotBlank String keyPrefix, @NotNull Duration commandTimeout) {

    @Override
    public String toString() {
        return "RedisProperties[keyPrefix=" + keyPrefix + "]";
    }
}
