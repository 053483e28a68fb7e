package csbot.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes pending updates to the webhook like Telegram: one POST per update, retried with backoff
 * until a 2xx, up to {@code max_connections} at once, never two of one chat at once (so a chat's
 * updates arrive in order). An update leaves the queue only when delivered.
 */
final class WebhookDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;

    /** Where updates go. A new setWebhook is a new target, even to the same url. */
    record Target(String url, String secretToken, int maxConnections) {
    }

    /** The last failed delivery, for getWebhookInfo. */
    record LastError(Instant time, String message) {
    }

    private final UpdateQueue queue;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "telegram-emulator-webhook-retry"));
    private final Set<Long> busyChats = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread dispatcher;
    private volatile Target target;
    private volatile LastError lastError;
    private volatile boolean closed;

    WebhookDelivery(UpdateQueue queue) {
        this.queue = queue;
        this.dispatcher = daemon(this::dispatch, "telegram-emulator-webhook");
        dispatcher.start();
    }

    void set(Target newTarget) {
        lastError = null;
        changeTarget(newTarget);
    }

    void delete() {
        changeTarget(null);
    }

    private void changeTarget(Target newTarget) {
        synchronized (this) {
            target = newTarget;
            notifyAll();
        }
        queue.wakeUp();
    }

    /** Without a webhook the dispatcher sleeps here, off the queue's lock that the poller uses. */
    private synchronized Target awaitTarget() throws InterruptedException {
        while (target == null && !closed) {
            wait();
        }
        return target;
    }

    Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    Optional<LastError> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void dispatch() {
        try {
            while (!closed) {
                Target current = awaitTarget();
                long seen = queue.version();
                int free = current == null ? 0 : current.maxConnections() - inFlight.get();
                if (free > 0) {
                    queue.firstPending(free, entry -> busyChats.add(entry.update().chatId()))
                            .forEach(entry -> {
                                inFlight.incrementAndGet();
                                send(current, entry, 0);
                            });
                }
                queue.awaitChange(seen, 1_000);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void send(Target to, UpdateQueue.Entry entry, int failures) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to.url()))
                .timeout(TIMEOUT)
                .header("Content-Type", Exchanges.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(serialize(entry)));
        if (to.secretToken() != null) {
            request.header(SECRET_HEADER, to.secretToken());
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                // Off the queue before the chat is free, or the dispatcher would send it again.
                queue.confirm(entry.seq());
                release(entry);
                queue.wakeUp();
            } else {
                lastError = new LastError(Instant.now(), error != null
                        ? "Connection failed: " + error.getMessage()
                        : "Wrong response from the webhook: " + response.statusCode());
                retryLater(to, entry, failures + 1);
            }
        });
    }

    private void retryLater(Target to, UpdateQueue.Entry entry, int failures) {
        long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failures - 1, 16));
        retries.schedule(() -> {
            if (target == to && !closed) {
                send(to, entry, failures);
            } else {
                // The webhook changed meanwhile: the update goes to whatever comes next.
                release(entry);
                queue.wakeUp();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void release(UpdateQueue.Entry entry) {
        busyChats.remove(entry.update().chatId());
        inFlight.decrementAndGet();
    }

    private static byte[] serialize(UpdateQueue.Entry entry) {
        try {
            return Json.MAPPER.writeValueAsBytes(entry.update().json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an update is JSON already", e);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        retries.shutdownNow();
        log.debug("webhook delivery stopped with {} in flight", inFlight.get());
    }
}
