package csbot.bot.events;

import csbot.backend.AccountBackend;
import csbot.backend.BackendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Subscribes this instance to the backend's events when it starts ({@code POST /hub}), and unsubscribes when it stops
 * ({@code DELETE /hub/{id}}). A backend that cannot be reached at start is asked again every 30 seconds.
 */
@Component
final class HubSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubSubscription.class);

    private final AccountBackend backend;
    private final HubProperties hub;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hub-subscription");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Optional<String> subscriptionId = Optional.empty();

    HubSubscription(AccountBackend backend, HubProperties hub) {
        this.backend = backend;
        this.hub = hub;
    }

    @EventListener
    void subscribe(WebServerInitializedEvent started) {
        if (!hub.enabled() || started.getApplicationContext().getParent() != null) {
            return;
        }
        String base = "auto".equals(hub.callbackUrl())
                ? "http://127.0.0.1:" + started.getWebServer().getPort()
                : hub.callbackUrl().replaceAll("/$", "");
        retry.execute(() -> attempt(base + HubListener.PATH));
    }

    private void attempt(String callback) {
        try {
            subscriptionId = Optional.of(backend.subscribe(callback).id());
            log.info("subscribed to the backend's events at {}", callback);
        } catch (BackendFailure e) {
            log.warn("could not subscribe to the backend's events ({}), trying again in 30 s",
                    e.getClass().getSimpleName());
            retry.schedule(() -> attempt(callback), 30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        retry.shutdownNow();
        subscriptionId.ifPresent(id -> {
            try {
                backend.unsubscribe(id);
            } catch (BackendFailure e) {
                log.info("could not unsubscribe from the backend's events: {}", e.getClass().getSimpleName());
            }
        });
    }
}
