package csbot.backend.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpAccountBackend} reaches the account backend and how it protects itself from it.
 *
 * @param baseUrl                contract paths are appended to it, e.g. {@code https://backend.example/} or a simulator's URL
 * @param connectTimeout         to open a TCP connection
 * @param callTimeout            for one attempt: how long to wait for the answer before giving up on it
 * @param maxAttempts            per idempotent call, the first one included; other calls are tried once
 * @param retryBackoff           wait before the first retry; doubles for each further one, with jitter
 * @param cbFailureRateThreshold percentage of failed calls (5xx, timeout, I/O) that opens the circuit breaker
 * @param cbMinimumCalls         calls recorded before the failure rate counts
 * @param cbSlidingWindowSize    how many of the latest calls the failure rate is computed over
 * @param cbOpenDuration         how long an open breaker fails calls at once before letting a few through to probe
 */
public record BackendClientConfig(URI baseUrl, Duration connectTimeout, Duration callTimeout, int maxAttempts,
                                  Duration retryBackoff, int cbFailureRateThreshold, int cbMinimumCalls,
                                  int cbSlidingWindowSize, Duration cbOpenDuration) {

    public BackendClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(retryBackoff, "retryBackoff");
        requirePositive(cbOpenDuration, "cbOpenDuration");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (cbFailureRateThreshold < 1 || cbFailureRateThreshold > 100) {
            throw new IllegalArgumentException("cbFailureRateThreshold is a percentage, 1..100");
        }
        if (cbMinimumCalls < 1 || cbSlidingWindowSize < 1) {
            throw new IllegalArgumentException("cbMinimumCalls and cbSlidingWindowSize must be at least 1");
        }
    }

    /**
     * A chat user waits for the answer, so a call gives up after 3 s and an idempotent one is tried at most
     * three times (under 10 s in all); half the last 20 calls failing opens the breaker for 30 s.
     */
    public static BackendClientConfig defaults(URI baseUrl) {
        return new BackendClientConfig(baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(3), 3,
                Duration.ofMillis(200), 50, 10, 20, Duration.ofSeconds(30));
    }

    public BackendClientConfig withCallTimeout(Duration timeout) {
        return new BackendClientConfig(baseUrl, connectTimeout, timeout, maxAttempts, retryBackoff,
                cbFailureRateThreshold, cbMinimumCalls, cbSlidingWindowSize, cbOpenDuration);
    }

    public BackendClientConfig withRetries(int attempts, Duration backoff) {
        return new BackendClientConfig(baseUrl, connectTimeout, callTimeout, attempts, backoff,
                cbFailureRateThreshold, cbMinimumCalls, cbSlidingWindowSize, cbOpenDuration);
    }

    public BackendClientConfig withCircuitBreaker(int failureRateThreshold, int minimumCalls, int slidingWindowSize,
                                                  Duration openDuration) {
        return new BackendClientConfig(baseUrl, connectTimeout, callTimeout, maxAttempts, retryBackoff,
                failureRateThreshold, minimumCalls, slidingWindowSize, openDuration);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
