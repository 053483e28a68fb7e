package csbot.bot.gate;

import csbot.bot.config.DialogProperties;
import csbot.bot.config.GateProperties;
import csbot.bot.send.Sender;
import csbot.bot.transport.UpdateMapper;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.store.ChatStore;
import csbot.dialogs.store.ChatTurns;
import csbot.dialogs.store.KeySpace;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where every update enters, from long polling or the webhook: map it, keep one chat's updates in order, limit each
 * user's rate, run the turn (dedupe, lock, engine, commit — see {@link ChatTurns}) and hand the replies to the
 * {@link Sender}. The returned future completes when the update is handled for good; it fails with
 * {@link RetryLater} when it must be delivered again (Redis down, chat busy), so the transport does not confirm it.
 */
@Component
public final class UpdateGate implements AutoCloseable {

    /** The update was not handled and must be delivered again. */
    public static final class RetryLater extends RuntimeException {
        RetryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(UpdateGate.class);
    /** Telegram cancels a payment whose pre-checkout is not answered within 10 s. */
    private static final Duration PRE_CHECKOUT_DEADLINE = Duration.ofSeconds(6);

    private final UpdateMapper mapper;
    private final Router router;
    private final ChatTurns turns;
    private final Sender sender;
    private final UserRateLimit rateLimit;
    private final ExecutorService workers;
    private final ChatLanes lanes;
    private final Texts common = DialogEngine.commonTexts();
    private final String hotline;
    private final Counter handled;
    private final Counter duplicates;
    private final Counter limited;
    private final Counter retried;
    private final Counter failed;
    private final Timer turnTime;
    private final ChatStore store;

    public UpdateGate(UpdateMapper mapper, Router router, ChatTurns turns, ChatStore store, Sender sender,
                      KeySpace keys, GateProperties properties,
                      DialogProperties dialog, MeterRegistry metrics) {
        this.store = store;
        this.hotline = dialog.hotline();
        this.mapper = mapper;
        this.router = router;
        this.turns = turns;
        this.sender = sender;
        this.rateLimit = new UserRateLimit(keys, properties);
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "gate-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.lanes = new ChatLanes(workers);
        this.handled = metrics.counter("csbot.updates", "outcome", "handled");
        this.duplicates = metrics.counter("csbot.updates", "outcome", "duplicate");
        this.limited = metrics.counter("csbot.updates", "outcome", "rate_limited");
        this.retried = metrics.counter("csbot.updates", "outcome", "retry_later");
        this.failed = metrics.counter("csbot.updates", "outcome", "failed");
        this.turnTime = metrics.timer("csbot.turn");
    }

    public CompletableFuture<Void> accept(Update update) {
        Optional<Inbound> mapped = mapper.map(update);
        if (mapped.isEmpty() || !router.accepts(mapped.get())) {
            return CompletableFuture.completedFuture(null);
        }
        Inbound inbound = mapped.get();
        if (inbound instanceof Inbound.PreCheckout query) {
            return answer(query);
        }
        return lanes.submit(inbound.origin().chatId(), () -> {
            handle(inbound);
            return null;
        });
    }

    private void handle(Inbound inbound) {
        long chatId = inbound.origin().chatId();
        try {
            // the rate limit is counted by the same Redis script that takes the chat lock (Router: private chats
            // only); a payment is never limited: the money has been taken
            ChatTurns.Outcome outcome = turnTime.record(() -> inbound instanceof Inbound.PaymentDone
                    || router.isAgentsGroup(inbound)
                    ? turns.run(inbound, router::route)
                    : turns.run(inbound, rateLimit.quota(inbound.origin().userId()), router::route));
            if (outcome instanceof ChatTurns.OverQuota over) {
                UserRateLimit.Verdict verdict = rateLimit.verdict(over.count());
                limited.increment();
                if (verdict == UserRateLimit.Verdict.NOTIFY) {
                    log.info("chat {}: rate limit reached, dropping updates for the rest of the window", chatId);
                    sender.send(List.of(new Outbound.Say(chatId, common.get(lang(inbound), "rate.limited"),
                            Keyboard.NONE)));
                }
                if (inbound instanceof Inbound.Button button) {
                    // a tap left unanswered keeps spinning on the customer's screen
                    sender.send(List.of(new Outbound.AnswerCallback(chatId, button.callbackId(),
                            common.get(lang(inbound), "rate.limited"), false)));
                }
                return;
            }
            if (outcome instanceof ChatTurns.Handled done) {
                handled.increment();
                log.debug("chat {}: update {} handled, {} to send", chatId, inbound.origin().updateId(),
                        done.out().size());
                sender.send(done.out());
            } else {
                duplicates.increment();
                log.debug("chat {}: update {} already handled", chatId, inbound.origin().updateId());
            }
        } catch (RedisException | ChatTurns.ChatBusy | ChatTurns.LockLost e) {
            retried.increment();
            log.warn("chat {}: update {} to be delivered again: {}", chatId, inbound.origin().updateId(),
                    e.toString());
            throw new RetryLater("update " + inbound.origin().updateId(), e);
        } catch (RuntimeException e) {
            failed.increment();
            log.error("chat {}: update {} failed and is dropped", chatId, inbound.origin().updateId(), e);
            if (inbound.origin().isPrivateChat()) {
                // agents in their group are not customers: the log is their error message
                sender.send(List.of(new Outbound.Say(chatId, common.get(lang(inbound), "error.generic",
                        "hotline", hotline), Keyboard.NONE)));
            }
        }
    }

    /**
     * A pre-checkout must be answered within Telegram's 10 seconds, so it waits for neither the chat's lane nor its
     * lock (it changes no conversation state) and its check gets a deadline: too slow means no. No thread blocks
     * waiting for the check: a worker waiting for a check queued behind it on the same pool meant that as soon as more
     * customers paid at once than there are workers, every payment was refused as too slow and every chat stalled.
     * The refusal at the deadline is made on the timer's thread (it is only a text), not queued behind busy workers.
     */
    private CompletableFuture<Void> answer(Inbound.PreCheckout query) {
        long chatId = query.origin().chatId();
        AtomicReference<UserProfile> profile = new AtomicReference<>(UserProfile.empty());
        return CompletableFuture.supplyAsync(() -> {
                    profile.set(store.profile(chatId));
                    return router.preCheckout(query, profile.get());
                }, workers)
                .orTimeout(PRE_CHECKOUT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    log.warn("chat {}: pre-checkout not decided in time ({}), refused", chatId,
                            cause.getClass().getSimpleName());
                    return router.preCheckoutTooSlow(query, profile.get());
                })
                .thenAccept(answer -> sender.send(List.of(answer)));
    }

    private static Lang lang(Inbound inbound) {
        return Lang.fromTelegram(inbound.origin().languageCode());
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("updates still in progress at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
