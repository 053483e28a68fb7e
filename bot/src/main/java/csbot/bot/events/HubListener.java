package csbot.bot.events;

import csbot.backend.BackendEvent;
import csbot.backend.PaymentLinkPaid;
import csbot.backend.ProductOrderStateChanged;
import csbot.backend.TopUpStateChanged;
import csbot.backend.http.HubEvents;
import csbot.bot.alerts.AlertIntake;
import csbot.bot.send.Sender;
import csbot.dialogs.reissue.ReissueOrders;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.topup.TopUpSettlement;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the account backend POSTs its events ({@code <callback>/listener/<eventName>}). A request whose signature
 * or timestamp does not check out is refused with 401 before anything else; each event id is taken once (the
 * backend retries, and every instance may be subscribed); the answer comes at once and the event is acted on
 * behind it — a lost event costs only time, since payments are also followed by polling. A warning about a line
 * (low balance, expiry) is put on the alert queue before the answer, so once acknowledged it cannot be lost; if Redis
 * fails the answer is 503 and the backend delivers it again.
 */
@RestController
public final class HubListener implements AutoCloseable {

    public static final String PATH = "/backend";

    private static final Logger log = LoggerFactory.getLogger(HubListener.class);
    private static final Duration SEEN_FOR = Duration.ofHours(24);

    private final Optional<HubEvents> events;
    private final TopUpSettlement settlement;
    private final ReissueOrders reissueOrders;
    private final Sender sender;
    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final AlertIntake alerts;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backend-events");
        thread.setDaemon(true);
        return thread;
    });

    public HubListener(HubProperties hub, TopUpSettlement settlement, ReissueOrders reissueOrders, Sender sender,
                       RedisClusterCommands<String, String> redis, KeySpace keys, AlertIntake alerts) {
        this.events = hub.secret().isBlank() ? Optional.empty() : Optional.of(new HubEvents(hub.secret()));
        this.settlement = settlement;
        this.reissueOrders = reissueOrders;
        this.sender = sender;
        this.redis = redis;
        this.keys = keys;
        this.alerts = alerts;
    }

    @PostMapping(PATH + "/listener/{eventName}")
    public ResponseEntity<Void> receive(@PathVariable String eventName,
                                        @RequestHeader(name = "X-Csbot-Timestamp", required = false) String timestamp,
                                        @RequestHeader(name = "X-Csbot-Signature", required = false) String signature,
                                        @RequestBody(required = false) byte[] body) {
        if (events.isEmpty()) {
            return ResponseEntity.status(404).build();
        }
        Optional<BackendEvent> event;
        try {
            event = events.get().read(timestamp, signature, body == null ? new byte[0] : body);
        } catch (HubEvents.InvalidEvent e) {
            log.warn("backend event {} refused: {}", eventName, e.getMessage());
            return ResponseEntity.status(401).build();
        }
        if (event.isEmpty()) {
            return ResponseEntity.ok().build();
        }
        if (!firstTime(event.get().eventId())) {
            log.debug("backend event {} already taken", eventName);
            return ResponseEntity.ok().build();
        }
        if (AlertIntake.isAlert(event.get())) {
            try {
                alerts.accept(event.get());
            } catch (RuntimeException e) {
                redis.del(keys.global("event:" + event.get().eventId()));
                log.warn("backend event {} not queued ({}); the backend will deliver it again", eventName, e.toString());
                return ResponseEntity.status(503).build();
            }
            return ResponseEntity.ok().build();
        }
        work.execute(() -> act(event.get()));
        return ResponseEntity.ok().build();
    }

    private boolean firstTime(String eventId) {
        return "OK".equals(redis.set(keys.global("event:" + eventId), "1",
                SetArgs.Builder.nx().px(SEEN_FOR.toMillis())));
    }

    private void act(BackendEvent event) {
        try {
            if (event instanceof TopUpStateChanged changed) {
                sender.send(settlement.onTopUpChanged(changed.topUp()));
            } else if (event instanceof PaymentLinkPaid paid) {
                sender.send(settlement.onPaymentLinkPaid(paid.paymentLink()));
            } else if (event instanceof ProductOrderStateChanged changed) {
                sender.send(reissueOrders.onOrderChanged(changed.order()));
            }
        } catch (RuntimeException e) {
            log.error("backend event {} could not be acted on; payments are followed up, orders caught up in My orders",
                    event.eventId(), e);
        }
    }

    @Override
    public void close() {
        work.shutdown();
    }
}
