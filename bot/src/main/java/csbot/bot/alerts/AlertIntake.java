package csbot.bot.alerts;

import csbot.backend.BackendEvent;
import csbot.backend.ExpiryApproaching;
import csbot.backend.LowBalance;
import csbot.backend.Money;
import csbot.dialogs.alerts.AlertSettings;
import csbot.dialogs.alerts.AlertSettingsStore;
import csbot.dialogs.alerts.LineAlert;
import csbot.dialogs.validate.PhoneNumbers;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Turns the backend's warnings into alerts, one per chat that linked the line, each on the queue once (its dedupe
 * key: chat, line, kind and the threshold or reminder it is about). A warning's validity counts from when the
 * backend reported it, so one that arrives very late is dropped rather than sent out of date.
 */
public final class AlertIntake {

    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    private final RedisClusterCommands<String, String> redis;
    private final AlertQueue queue;
    private final AlertSettingsStore settings;
    private final AlertProperties properties;
    private final Counter received;
    private final Counter deduplicated;
    private final Counter notChosen;

    AlertIntake(RedisClusterCommands<String, String> redis, AlertQueue queue, AlertSettingsStore settings,
                AlertProperties properties, MeterRegistry metrics) {
        this.redis = redis;
        this.queue = queue;
        this.settings = settings;
        this.properties = properties;
        this.received = metrics.counter("csbot.alerts.received");
        this.deduplicated = metrics.counter("csbot.alerts.deduplicated");
        this.notChosen = metrics.counter("csbot.alerts.skipped", "reason", "notChosen");
    }

    /** Whether the event is one this takes (a warning about a line). */
    public static boolean isAlert(BackendEvent event) {
        return event instanceof LowBalance || event instanceof ExpiryApproaching;
    }

    /** Queues the event's alerts. Redis failures are thrown: the caller lets the backend deliver it again. */
    public void accept(BackendEvent event) {
        String msisdn = event instanceof LowBalance low ? low.msisdn() : ((ExpiryApproaching) event).msisdn();
        for (long chatId : settings.chatsOf(msisdn)) {
            AlertSettings chat = settings.settings(chatId);
            LineAlert alert = alert(event, chat);
            received.increment();
            if (!chat.chose(alert)) {
                // not queued, so its dedupe key stays free: a balance above the customer's level now may fall
                // below it later the same day
                notChosen.increment();
                continue;
            }
            Instant validUntil = event.eventTime().toInstant().plus(properties.validity());
            if (event instanceof ExpiryApproaching soon && soon.expiryDate().toInstant().isBefore(validUntil)) {
                validUntil = soon.expiryDate().toInstant();
            }
            QueuedAlert queued = QueuedAlert.of(chatId, alert, validUntil.toEpochMilli(), UUID.randomUUID().toString());
            if (!queue.offer(redis, chatId + ":" + alert.dedupeKey(), queued, properties.dedupeFor())) {
                deduplicated.increment();
                log.debug("alert for {} in chat {} already queued", PhoneNumbers.mask(msisdn), chatId);
            }
        }
    }

    /** The alert as the chat reads it: its dates in the chat's zone, a low balance against the customer's own level. */
    private static LineAlert alert(BackendEvent event, AlertSettings chat) {
        ZoneId zone = chat.zone();
        if (event instanceof LowBalance low) {
            Money threshold = chat.level(low.msisdn())
                    .filter(level -> level.currency().equals(low.threshold().currency())).orElse(low.threshold());
            return new LineAlert.LowBalance(low.msisdn(), low.balance(), threshold,
                    low.expiryDate().atZoneSameInstant(zone).toLocalDate(),
                    low.recycleDate().atZoneSameInstant(zone).toLocalDate(),
                    low.eventTime().atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
        }
        ExpiryApproaching soon = (ExpiryApproaching) event;
        return new LineAlert.Expiry(soon.msisdn(), soon.daysLeft(), soon.balance(),
                soon.expiryDate().atZoneSameInstant(zone).toLocalDate(),
                soon.recycleDate().atZoneSameInstant(zone).toLocalDate());
    }
}
