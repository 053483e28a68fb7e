package csbot.bot.config;

import csbot.backend.http.BackendClientConfig;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * The carrier account backend. Environment: {@code BACKEND_BASE_URL}.
 *
 * @param maxAttempts        attempts of an idempotent call (GET, keyed POST) before it counts as unavailable
 * @param circuitOpenFor     how long calls fail at once after the backend kept failing, before it is probed again
 */
@Validated
@ConfigurationProperties("csbot.backend")
public record BackendProperties(@NotNull URI baseUrl, @NotNull Duration connectTimeout, @NotNull Duration callTimeout,
                                @Min(1) int maxAttempts, @NotNull Duration circuitOpenFor) {

    public BackendClientConfig clientConfig() {
        BackendClientConfig defaults = BackendClientConfig.defaults(baseUrl);
        return new BackendClientConfig(baseUrl, connectTimeout, callTimeout, maxAttempts, defaults.retryBackoff(),
                defaults.cbFailureRateThreshold(), defaults.cbMinimumCalls(), defaults.cbSlidingWindowSize(),
                circuitOpenFor);
    }
}
