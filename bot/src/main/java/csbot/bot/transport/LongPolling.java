package csbot.bot.transport;

import csbot.bot.config.TelegramProperties;
import csbot.bot.gate.UpdateGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Our own getUpdates loop. The library's BotSession confirms updates before they are handled; here the offset moves
 * past an update only once it is handled for good, so a crash or a Redis outage means redelivery, never loss, and
 * the update-id dedupe makes redelivery harmless. One instance per bot token: Telegram answers a second poller
 * with 409.
 */
@Component
@ConditionalOnProperty(name = "csbot.telegram.mode", havingValue = "polling", matchIfMissing = true)
public final class LongPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    /** Telegram unreachable or refusing: no need to hammer it. */
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    /** Updates that must come again (Redis down): retry often, so service resumes soon after Redis does. */
    private static final long MAX_RETRY_MILLIS = 2_000;

    private final TelegramClient telegram;
    private final UpdateGate gate;
    private final TelegramProperties properties;
    private volatile boolean running;
    private Thread thread;
    private long offset;

    public LongPolling(TelegramClient telegram, UpdateGate gate, TelegramProperties properties) {
        this.telegram = telegram;
        this.gate = gate;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "long-polling");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the gate and the sender, which are plain beans closed after the lifecycle phase. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        long backoff = 0;
        boolean webhookCleared = false;
        while (running) {
            try {
                if (!webhookCleared) {
                    telegram.execute(new DeleteWebhook(false));
                    webhookCleared = true;
                    log.info("long polling {}", properties.apiUrl());
                }
                List<Update> updates = telegram.execute(GetUpdates.builder().offset((int) offset)
                        .limit(properties.pollLimit()).timeout(properties.pollTimeoutSeconds()).build());
                boolean allHandled = handle(updates);
                backoff = allHandled ? 0 : Math.min(MAX_RETRY_MILLIS, nextBackoff(backoff));
            } catch (TelegramApiRequestException e) {
                if (!running) {
                    break;
                }
                backoff = nextBackoff(backoff);
                log.error("getUpdates refused: {} {} (409: another instance polls this token or a webhook is set)",
                        e.getErrorCode(), e.getApiResponse());
            } catch (TelegramApiException e) {
                if (!running) {
                    break;
                }
                backoff = nextBackoff(backoff);
                log.warn("getUpdates failed: {}; retrying in {} ms", e.toString(), backoff);
            } catch (RuntimeException e) {
                // whatever goes wrong, the loop must not die silently: the bot would stop answering anyone
                backoff = nextBackoff(backoff);
                log.error("long polling failed unexpectedly; retrying in {} ms", backoff, e);
            }
            pause(backoff);
        }
        confirmHandled();
    }

    /**
     * Hands a batch to the gate and waits for it. The offset goes to the first update that must be delivered again
     * (later ones of the batch come again too and are recognised as handled), or past the batch.
     */
    private boolean handle(List<Update> updates) {
        if (updates.isEmpty()) {
            return true;
        }
        List<CompletableFuture<Void>> results = new ArrayList<>(updates.size());
        for (Update update : updates) {
            results.add(gate.accept(update));
        }
        long firstFailed = Long.MAX_VALUE;
        for (int i = 0; i < updates.size(); i++) {
            try {
                results.get(i).join();
            } catch (RuntimeException e) {
                firstFailed = Math.min(firstFailed, updates.get(i).getUpdateId());
            }
        }
        long next = updates.get(updates.size() - 1).getUpdateId() + 1L;
        offset = Math.min(next, firstFailed);
        log.debug("batch of {} updates handled, next offset {}", updates.size(), offset);
        return firstFailed == Long.MAX_VALUE;
    }

    /** Tells Telegram which updates are done, so a restart does not bring them again. */
    private void confirmHandled() {
        if (offset == 0) {
            return;
        }
        Thread.interrupted(); // stop() interrupted the long poll; this last short call must not be cut off too
        try {
            telegram.execute(GetUpdates.builder().offset((int) offset).limit(1).timeout(0).build());
        } catch (TelegramApiException e) {
            log.info("could not confirm the last updates at shutdown; they will come again and be skipped");
        }
    }

    private static long nextBackoff(long current) {
        return current == 0 ? 250 : Math.min(MAX_BACKOFF_MILLIS, current * 2);
    }

    private void pause(long millis) {
        if (millis == 0 || !running) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
