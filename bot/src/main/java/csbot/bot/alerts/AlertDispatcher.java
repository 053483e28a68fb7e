package csbot.bot.alerts;

import csbot.dialogs.alerts.AlertMessages;
import csbot.dialogs.alerts.AlertSettings;
import csbot.dialogs.alerts.AlertSettingsStore;
import csbot.dialogs.i18n.Lang;
import csbot.bot.send.TelegramMethods;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends queued alerts: a few threads per instance, each a consumer of the stream's group with its own Redis
 * connection (a blocking read must not hold up the shared one). Per alert: drop it when no longer valid or the
 * customer muted the line, blocked the bot or no longer chose it (a reminder day turned off, a balance not below their
 * own level); hold it through quiet hours; wait for the shared rate; send; then
 * done (sent), 429 (everyone pauses for {@code retry_after}, same alert again), 403 (the customer blocked the bot:
 * alerts off), another 4xx (dead letter) or a passing failure (retried with backoff, then dead letter). One thread
 * also puts due deferred alerts back and takes over alerts a dead instance left pending.
 *
 * <p>Each thread holds one slot of the shared rate at a time, so the threads (8 per instance) are what lets the
 * round trips of one alert overlap the wait for the next slot. An alert is acknowledged only after Telegram accepted
 * it, so a crash loses none; one that crashes in the moment between Telegram's answer and the acknowledgement is sent
 * again by the instance that claims it.
 */
final class AlertDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration READ_BLOCK = Duration.ofMillis(500);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofMillis(200);

    /** How one attempt at sending ended. */
    private sealed interface Outcome {
    }

    private record Sent() implements Outcome {
    }

    private record Throttled(Duration retryAfter) implements Outcome {
    }

    private record Blocked() implements Outcome {
    }

    private record Refused(int code, String description) implements Outcome {
    }

    private record Failed(String why) implements Outcome {
    }

    private final RedisClient client;
    private final AlertQueue queue;
    private final SharedRate rate;
    private final AlertSettingsStore settings;
    private final TelegramClient telegram;
    private final TelegramMethods methods;
    private final AlertProperties properties;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Object sleeper = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private final Counter sent;
    private final Counter deferred;
    private final Counter expired;
    private final Counter failed;
    private final Counter muted;
    private final Counter blocked;
    private final Counter notChosen;
    private final Counter throttled;
    private final Counter retried;
    private final Counter reclaimed;
    private final Timer lag;
    /** How late after its slot a thread may still send: two slots. */
    private final long lateness;
    private volatile boolean running;
    /** This instance's own record of the last 429's pause, checked after waiting for a slot (no round trip). */
    private volatile long pausedUntil;

    AlertDispatcher(RedisClient client, AlertQueue queue, SharedRate rate, AlertSettingsStore settings,
                    TelegramClient telegram, TelegramMethods methods, AlertProperties properties, Clock clock,
                    MeterRegistry metrics) {
        this.client = client;
        this.queue = queue;
        this.rate = rate;
        this.settings = settings;
        this.telegram = telegram;
        this.methods = methods;
        this.properties = properties;
        this.clock = clock;
        this.lateness = Math.max(2, Math.round(2000 / properties.globalPerSecond()));
        this.sent = metrics.counter("csbot.alerts.sent");
        this.deferred = metrics.counter("csbot.alerts.deferred", "reason", "quietHours");
        this.expired = metrics.counter("csbot.alerts.expired");
        this.failed = metrics.counter("csbot.alerts.failed");
        this.muted = metrics.counter("csbot.alerts.skipped", "reason", "off");
        this.blocked = metrics.counter("csbot.alerts.skipped", "reason", "blocked");
        this.notChosen = metrics.counter("csbot.alerts.skipped", "reason", "notChosen");
        this.throttled = metrics.counter("csbot.alerts.throttled");
        this.retried = metrics.counter("csbot.alerts.retried");
        this.reclaimed = metrics.counter("csbot.alerts.reclaimed");
        this.lag = Timer.builder("csbot.alerts.lag")
                .description("from an alert being ready on the stream to Telegram accepting it")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    @Override
    public void start() {
        running = true;
        for (int n = 0; n < properties.workers(); n++) {
            int number = n;
            Thread thread = new Thread(() -> work(number), "alerts-" + n);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        log.info("alert dispatcher {} started with {} threads, {} alerts/s shared by all instances", instance,
                properties.workers(), properties.globalPerSecond());
    }

    /**
     * Stops at once: an alert being sent is finished and acknowledged, the rest of each thread's batch is left
     * pending for another instance to claim, as after a crash.
     */
    @Override
    public void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops with the transport, before the Redis connection and the Telegram client are closed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work(int number) {
        String consumer = instance + "-" + number;
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisClusterCommands<String, String> redis = connection.sync();
            queue.createGroup(redis);
            dispatch(redis, consumer, number);
        } catch (RedisException e) {
            log.error("alert dispatcher {} could not connect to Redis", consumer, e);
        }
    }

    private void dispatch(RedisClusterCommands<String, String> redis, String consumer, int number) {
        long nextHousekeeping = 0;
        long nextClaim = 0;
        while (running) {
            try {
                long now = clock.millis();
                if (number == 0 && now >= nextHousekeeping) {
                    queue.releaseDue(redis, now, 1000);
                    nextHousekeeping = now + HOUSEKEEPING_EVERY.toMillis();
                }
                if (number == 0 && now >= nextClaim) {
                    for (AlertQueue.Entry abandoned : queue.claimAbandoned(redis, consumer, properties.claimIdle(),
                            properties.batch())) {
                        if (running) {
                            log.info("alert {} taken over from a dispatcher that stopped", abandoned.id());
                            reclaimed.increment();
                            handle(redis, consumer, abandoned);
                        }
                    }
                    nextClaim = now + Math.max(100, properties.claimIdle().toMillis() / 2);
                }
                for (AlertQueue.Entry entry : queue.read(redis, consumer, properties.batch(), READ_BLOCK)) {
                    if (!running) {
                        break;
                    }
                    handle(redis, consumer, entry);
                }
            } catch (RedisException e) {
                if (running) {
                    log.warn("alert dispatcher: Redis failed ({}), trying again in a second", e.toString());
                    sleep(Duration.ofSeconds(1));
                    recreateGroup(redis);
                }
            } catch (RuntimeException bug) {
                log.error("alert dispatcher failed; going on", bug);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** A Redis that restarted empty (or whose keys were deleted) has lost the stream and its group: make them again. */
    private void recreateGroup(RedisClusterCommands<String, String> redis) {
        try {
            queue.createGroup(redis);
        } catch (RedisException stillDown) {
            // the next round tries again
        }
    }

    private void handle(RedisClusterCommands<String, String> redis, String consumer, AlertQueue.Entry entry) {
        QueuedAlert alert;
        try {
            alert = QueuedAlert.parse(entry.json());
        } catch (IllegalArgumentException unreadable) {
            log.error("alert entry {} is unreadable, moved to the dead letters", entry.id());
            queue.deadLetter(redis, entry.id(), entry.json(), "unreadable");
            failed.increment();
            return;
        }
        while (running) {
            long now = clock.millis();
            if (now > alert.validUntil()) {
                queue.done(redis, entry.id());
                expired.increment();
                return;
            }
            AlertSettings chat = settings.settings(alert.chatId());
            if (!chat.wants(alert.msisdn())) {
                queue.done(redis, entry.id());
                (chat.blocked() ? blocked : muted).increment();
                return;
            }
            if (!chat.chose(alert.alert())) {
                queue.done(redis, entry.id());
                notChosen.increment();
                return;
            }
            long release = chat.quiet().releaseOf(clock.instant(), chat.zone()).toEpochMilli();
            if (release > now) {
                queue.defer(redis, entry.id(), alert, release);
                deferred.increment();
                return;
            }
            SharedRate.Verdict verdict = rate.take(redis, alert.chatId());
            if (verdict instanceof SharedRate.Wait wait) {
                sleep(wait.duration());
                continue;
            }
            if (verdict instanceof SharedRate.ChatBusy busy) {
                queue.defer(redis, entry.id(), alert, now + busy.duration().toMillis());
                return;
            }
            Duration slot = ((SharedRate.Go) verdict).after();
            if (!slot.isZero()) {
                long slotAt = clock.millis() + slot.toMillis();
                sleep(slot);
                if (!running) {
                    return;
                }
                if (clock.millis() - slotAt > lateness) {
                    continue; // woke up too late (a busy machine): sent now it would crowd the next second's slots
                }
            }
            if (clock.millis() < pausedUntil) {
                continue; // a 429 came while this thread waited for its slot: the shared pause applies from now
            }
            if (!queue.hold(redis, consumer, entry.id())) {
                return; // taken over meanwhile by another dispatcher, which sends it
            }
            // sent from this thread, right after the check above: a hand-over to another thread could bunch sends
            settle(redis, entry, alert, send(alert, Lang.fromTag(chat.lang())));
            return;
        }
    }

    private void settle(RedisClusterCommands<String, String> redis, AlertQueue.Entry entry, QueuedAlert alert,
                        Outcome outcome) {
        long now = clock.millis();
        if (outcome instanceof Sent) {
            queue.done(redis, entry.id());
            sent.increment();
            lag.record(Math.max(0, now - queuedAt(entry.id())), TimeUnit.MILLISECONDS);
        } else if (outcome instanceof Throttled throttle) {
            throttled.increment();
            log.warn("Telegram flood limit on an alert: all dispatchers pause for {} s", throttle.retryAfter().toSeconds());
            pausedUntil = now + throttle.retryAfter().toMillis();
            rate.pause(redis, throttle.retryAfter());
            queue.defer(redis, entry.id(), alert, now + throttle.retryAfter().toMillis());
        } else if (outcome instanceof Blocked) {
            log.info("chat {} blocked the bot: its alerts are off", alert.chatId());
            settings.blocked(alert.chatId());
            queue.done(redis, entry.id());
            blocked.increment();
        } else if (outcome instanceof Refused refused) {
            log.error("alert {} to chat {} refused by Telegram with {} {}: dead letter", entry.id(), alert.chatId(),
                    refused.code(), refused.description());
            queue.deadLetter(redis, entry.id(), alert.json(), refused.code() + " " + refused.description());
            failed.increment();
        } else {
            retry(redis, entry, alert.failedOnce(), ((Failed) outcome).why(), now);
        }
    }

    private void retry(RedisClusterCommands<String, String> redis, AlertQueue.Entry entry, QueuedAlert again,
                       String why, long now) {
        if (again.attempts() >= properties.maxAttempts()) {
            log.error("alert {} to chat {} failed {} times ({}): dead letter", entry.id(), again.chatId(),
                    again.attempts(), why);
            queue.deadLetter(redis, entry.id(), again.json(), "failed " + again.attempts() + " times: " + why);
            failed.increment();
            return;
        }
        long backoff = properties.retryBackoff().toMillis() << Math.min(again.attempts() - 1, 10);
        log.warn("alert {} to chat {} failed ({}), attempt {} of {}, again in {} ms", entry.id(), again.chatId(), why,
                again.attempts(), properties.maxAttempts(), backoff);
        queue.defer(redis, entry.id(), again, now + backoff);
        retried.increment();
    }

    private Outcome send(QueuedAlert alert, Lang lang) {
        try {
            telegram.execute(methods.of(AlertMessages.of(alert.chatId(), lang, alert.alert())));
            return new Sent();
        } catch (TelegramApiException | RuntimeException e) {
            return outcomeOf(e);
        }
    }

    private static Outcome outcomeOf(Throwable error) {
        if (!(error instanceof TelegramApiRequestException e) || e.getErrorCode() == null) {
            return new Failed(error.getClass().getSimpleName());
        }
        int code = e.getErrorCode();
        if (code >= 500) {
            return new Failed("HTTP " + code);
        }
        if (code == 429) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new Throttled(Duration.ofSeconds(retryAfter == null ? 1 : retryAfter));
        }
        if (code == 403) {
            return new Blocked();
        }
        return new Refused(code, e.getApiResponse() == null ? "" : e.getApiResponse());
    }

    /** A stream entry's id starts with the milliseconds it was added at. */
    private static long queuedAt(String entryId) {
        return Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
    }

    private void sleep(Duration wait) {
        synchronized (sleeper) {
            if (!running) {
                return;
            }
            try {
                sleeper.wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
