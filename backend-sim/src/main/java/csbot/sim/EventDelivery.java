package csbot.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one event to one listener at {@code <callback>/listener/<eventType>}, signed, in the background; tries again
 * after a non-2xx answer or an I/O error, a few times, as long as the listener is still registered.
 * Logs name the subscription, never the body (numbers) or the callback.
 */
final class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    /**
     * Waits before each attempt: at once, then after a quarter second, one, three, ten and thirty seconds — a listener
     * busy for a while (a burst of warnings to a bot just started) still gets every event, as from a real backend,
     * which retries for longer still.
     */
    static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(30));
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    /** How one delivery stands: called with "pending" and the attempt count before each attempt, then the result. */
    interface Progress extends BiConsumer<String, Integer> {
    }

    private final HttpClient http;
    private final HubSignature signature;
    private final HubRegistry hub;
    private final Executor senders;
    private final ScheduledExecutorService timer;
    private final Clock wallClock;

    EventDelivery(HubSignature signature, HubRegistry hub, Executor senders, ScheduledExecutorService timer,
                  Clock wallClock) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(senders)
                .connectTimeout(ATTEMPT_TIMEOUT).build();
        this.signature = signature;
        this.hub = hub;
        this.senders = senders;
        this.timer = timer;
        this.wallClock = wallClock;
    }

    void deliver(HubRegistry.Subscription to, String eventType, byte[] body, Progress progress) {
        attempt(to, eventType, body, progress, 0);
    }

    private void attempt(HubRegistry.Subscription to, String eventType, byte[] body, Progress progress, int done) {
        if (done == SCHEDULE.size() || hub.find(to.id()).isEmpty()) {
            progress.accept("failed", done);
            log.debug("{} to subscription {} given up after {} attempts", eventType, to.id(), done);
            return;
        }
        Duration wait = SCHEDULE.get(done);
        Runnable send = () -> send(to, eventType, body, progress, done + 1);
        if (wait.isZero()) {
            senders.execute(send);
        } else {
            timer.schedule(() -> senders.execute(send), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send(HubRegistry.Subscription to, String eventType, byte[] body, Progress progress, int attempt) {
        progress.accept("pending", attempt);
        long timestamp = wallClock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(listener(to.callback(), eventType))
                    .timeout(ATTEMPT_TIMEOUT)
                    .header("Content-Type", Reply.JSON)
                    .header("X-Csbot-Timestamp", Long.toString(timestamp))
                    .header("X-Csbot-Signature", signature.sign(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException unusable) {
            progress.accept("failed", attempt);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                progress.accept("delivered", attempt);
                log.debug("{} to subscription {} delivered on attempt {}", eventType, to.id(), attempt);
            } else {
                log.debug("{} to subscription {}: attempt {} {}", eventType, to.id(), attempt,
                        error == null ? "answered " + response.statusCode() : "failed (" + cause(error) + ")");
                attempt(to, eventType, body, progress, attempt);
            }
        });
    }

    private static URI listener(String callback, String eventType) {
        return URI.create(callback.replaceAll("/+$", "") + "/listener/" + eventType);
    }

    private static String cause(Throwable error) {
        Throwable root = error.getCause() instanceof IOException io ? io : error;
        return root.getClass().getSimpleName();
    }
}
