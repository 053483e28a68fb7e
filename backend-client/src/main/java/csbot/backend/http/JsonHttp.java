package csbot.backend.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.backend.BackendFailure;
import csbot.backend.NotFound;
import csbot.backend.Rejected;
import csbot.backend.Unavailable;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Call}s as JSON over HTTP and turns every outcome into a value or a {@link BackendFailure}.
 * Each attempt has a timeout and passes the circuit breaker; only idempotent calls are retried.
 */
final class JsonHttp {

    private static final Logger log = LoggerFactory.getLogger(JsonHttp.class);
    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String NAME = "account-backend";

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] body) throws IOException;
    }

    /** The contract's error body; what the backend left out is empty. */
    private record ErrorBody(String code, String reason, String message) {
        ErrorBody {
            code = Objects.requireNonNullElse(code, "");
            reason = Objects.requireNonNullElse(reason, "");
            message = Objects.requireNonNullElse(message, "");
        }
    }

    private final BackendClientConfig config;
    private final HttpClient client;
    private final ObjectMapper json;
    private final CircuitBreaker breaker;
    private final Retry retry;

    JsonHttp(BackendClientConfig config) {
        this.config = config;
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
        // Its own small tasks (reading the answer, completing the future) run on its selector thread instead of
        // hopping to a thread of a pool first: the caller waits for the answer anyway, and the hop cost ~40 % of the
        // client's CPU per call (bench/README.md). Nothing of ours runs there: decoding happens on the caller.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run)
                .connectTimeout(config.connectTimeout())
                .build();
        this.json = ContractJson.mapper();
        this.breaker = CircuitBreaker.of(NAME, CircuitBreakerConfig.custom()
                .slidingWindow(config.cbSlidingWindowSize(), config.cbMinimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(config.cbFailureRateThreshold())
                .waitDurationInOpenState(config.cbOpenDuration())
                // 404 and other refusals prove the backend is up: they count as successes
                .recordExceptions(Unavailable.class)
                .build());
        this.retry = Retry.of(NAME, RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(config.retryBackoff(), 2.0, 0.5))
                .retryExceptions(Unavailable.class)
                .build());
    }

    <T> T fetch(Call call, Class<T> type) {
        return send(call, body -> json.readValue(body, type));
    }

    <T> List<T> fetchList(Call call, Class<T> elementType) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, elementType);
        return send(call, body -> json.readValue(body, listType));
    }

    /**
     * For answers whose JSON differs from the record the caller wants: read as {@code wire}, then turned into the
     * value by {@code toValue}. A value that cannot be made (a required field missing) is a contract mismatch.
     */
    <W, T> T fetch(Call call, Class<W> wire, Function<W, T> toValue) {
        return send(call, body -> mapped(json.readValue(body, wire), toValue));
    }

    <W, T> List<T> fetchList(Call call, Class<W> wire, Function<W, T> toValue) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, wire);
        return send(call, body -> {
            List<W> read = json.readValue(body, listType);
            List<T> values = new ArrayList<>(read.size());
            for (W element : read) {
                values.add(mapped(element, toValue));
            }
            return List.copyOf(values);
        });
    }

    /** For calls answered without a body: success is all there is to know. */
    void execute(Call call) {
        send(call, body -> body);
    }

    private <T> T send(Call call, Decoder<T> decoder) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, () -> attempt(call, decoder));
        Supplier<T> withRetries = call.idempotent() ? Retry.decorateSupplier(retry, guarded) : guarded;
        try {
            return withRetries.get();
        } catch (CallNotPermittedException open) {
            log.debug("{}: circuit breaker open, not sent", call);
            throw new Unavailable(call + ": the account backend is failing; not calling it for now", open);
        }
    }

    private <T> T attempt(Call call, Decoder<T> decoder) {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = exchange(call);
        int status = response.statusCode();
        log.debug("{} → {} in {} ms", call, status, (System.nanoTime() - started) / 1_000_000);
        if (status >= 200 && status < 300) {
            return decode(call, decoder, response.body());
        }
        throw failure(call, status, response.body());
    }

    private HttpResponse<byte[]> exchange(Call call) {
        try {
            return client.send(request(call), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            log.debug("{} timed out", call);
            throw new Unavailable(call + ": no answer within " + config.callTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            log.debug("{} failed: {}", call, e.toString());
            throw new Unavailable(call + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(call + ": interrupted", e);
        }
    }

    private HttpRequest request(Call call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri(config.baseUrl()))
                .timeout(config.callTimeout())
                .header("Accept", JSON);
        call.idempotencyKey().ifPresent(key -> request.header("Idempotency-Key", key));
        if (call.body().isPresent()) {
            request.header("Content-Type", call.verb() == Call.Verb.PATCH ? MERGE_PATCH : JSON).method(call.verb().name(),
                    HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(call.body().get())));
        } else {
            request.method(call.verb().name(), HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    /** An answer that does not fit the contract is the backend's fault, like a 5xx. */
    private static <T> T decode(Call call, Decoder<T> decoder, byte[] body) {
        try {
            return decoder.decode(body);
        } catch (IOException e) {
            throw new Unavailable(call + ": answer does not match the contract", e);
        }
    }

    /** Records refuse missing fields with NullPointerException, impossible values with IllegalArgumentException. */
    private static <W, T> T mapped(W wire, Function<W, T> toValue) throws IOException {
        try {
            return toValue.apply(wire);
        } catch (NullPointerException | IllegalArgumentException | IllegalStateException unfit) {
            throw new IOException("cannot be read as the contract says: " + unfit.getMessage(), unfit);
        }
    }

    private BackendFailure failure(Call call, int status, byte[] body) {
        if (status == 404) {
            return new NotFound(call.subject());
        }
        if (status >= 400 && status < 500) {
            ErrorBody error = errorBody(body)
                    .orElse(new ErrorBody("http" + status, "", "HTTP " + status + " without an error body"));
            return new Rejected(error.code(), error.message());
        }
        return new Unavailable(call + ": HTTP " + status, null);
    }

    private Optional<ErrorBody> errorBody(byte[] body) {
        try {
            return Optional.of(json.readValue(body, ErrorBody.class)).filter(error -> !error.code().isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
