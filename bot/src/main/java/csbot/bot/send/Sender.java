package csbot.bot.send;

import csbot.bot.config.SenderProperties;
import csbot.dialogs.io.Outbound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers what the dialogs want said, keeping to Telegram's flood limits: per chat (about one message a second,
 * small bursts allowed; a group — negative chat id, e.g. the agents group — 20 a minute) and over all chats. Each chat has its own queue, delivered in order; a {@code 429} pauses all
 * sending for its {@code retry_after}; passing failures are retried with backoff; an edit of a message that is gone
 * becomes a new message. Nothing is dropped without an error in the log and a count in the metrics.
 * Waiting never holds a thread: a chat whose turn has not come is rescheduled.
 */
@Component
public final class Sender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final TelegramClient telegram;
    private final TelegramMethods methods;
    private final SenderProperties properties;
    private final RateSchedule global;
    private final ConcurrentHashMap<Long, ChatQueue> chats = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sender");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter sent;
    private final Counter retried;
    private final Counter throttled;
    private final Counter undelivered;

    public Sender(TelegramClient telegram, TelegramMethods methods, SenderProperties properties,
                  MeterRegistry metrics) {
        this.telegram = telegram;
        this.methods = methods;
        this.properties = properties;
        this.global = new RateSchedule(properties.globalPerSecond(), Math.max(1, (int) (properties.globalPerSecond() / 10)));
        this.sent = metrics.counter("csbot.sender.sent");
        this.retried = metrics.counter("csbot.sender.retried");
        this.throttled = metrics.counter("csbot.sender.throttled");
        this.undelivered = metrics.counter("csbot.sender.undelivered");
        metrics.gauge("csbot.sender.queued", queued);
    }

    /** Queues messages for delivery, each chat's in the order given. */
    public void send(List<Outbound> outbound) {
        for (Outbound out : outbound) {
            if (out instanceof Outbound.AnswerCallback || out instanceof Outbound.AnswerPreCheckout) {
                // not chat messages: no flood limit, and the customer waits on them (a spinning button, a payment
                // Telegram cancels after 10 s)
                deliver(new Pending(out), null);
                continue;
            }
            enqueue(new Pending(out));
        }
    }

    /**
     * Queues a Bot API call that puts something in {@code chatId} and whose answer the caller needs (createForumTopic
     * answers the new topic's id): it waits its turn behind the chat's messages and under the same limits, and the
     * future completes with Telegram's answer, or fails once the call is given up.
     */
    public <T extends Serializable> CompletableFuture<T> call(long chatId, BotApiMethod<T> method) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> untyped = (CompletableFuture<Object>) (CompletableFuture<?>) answer;
        enqueue(new Pending(chatId, method, untyped));
        return answer;
    }

    private void enqueue(Pending pending) {
        queued.incrementAndGet();
        boolean[] start = new boolean[1];
        ChatQueue chat = chats.compute(pending.chatId, (id, existing) -> {
            ChatQueue queue = existing == null ? new ChatQueue(id) : existing;
            synchronized (queue) {
                queue.queue.add(pending);
                // a queue that only waits to be forgotten starts again now: its burst allowance is there to be used
                start[0] = !queue.draining || queue.idle;
                queue.draining = true;
                if (queue.idle) {
                    queue.idle = false;
                    queue.epoch++;
                }
            }
            return queue;
        });
        if (start[0]) {
            timer.execute(() -> drain(chat));
        }
    }

    private void drain(ChatQueue chat) {
        Pending head;
        long now = System.nanoTime();
        synchronized (chat) {
            head = chat.queue.peek();
            if (head == null) {
                long debt = chat.rate.debt(now);
                if (debt > 0) {
                    // still paced after a burst: look again when the debt is paid, unless a message wakes it first
                    chat.idle = true;
                    int epoch = chat.epoch;
                    timer.schedule(() -> drainIfStillIdle(chat, epoch), debt, TimeUnit.NANOSECONDS);
                    return;
                }
            } else {
                long wait = chat.rate.delay(now);
                if (wait > 0) {
                    timer.schedule(() -> drain(chat), wait, TimeUnit.NANOSECONDS);
                    return;
                }
                chat.rate.reserve(now);
            }
        }
        if (head == null) {
            forget(chat);
            return;
        }
        long globalWait;
        synchronized (global) {
            globalWait = global.reserve(now);
        }
        if (globalWait > 0) {
            timer.schedule(() -> deliver(head, chat), globalWait, TimeUnit.NANOSECONDS);
        } else {
            deliver(head, chat);
        }
    }

    /**
     * The idle check, unless a message came meanwhile and its own drain runs. Taking the idle state here means a
     * message arriving from now on leaves it to this drain: two drains of one queue would send its head twice.
     */
    private void drainIfStillIdle(ChatQueue chat, int epoch) {
        synchronized (chat) {
            if (chat.epoch != epoch || !chat.idle) {
                return;
            }
            chat.idle = false;
        }
        drain(chat);
    }

    /**
     * An empty queue with no pacing debt left is forgotten, so a chat that goes quiet costs nothing. The map's entry
     * is locked before the chat, in the order {@link #enqueue} takes them (the other order could deadlock); a message
     * that came since the queue was seen empty keeps it and is drained.
     */
    private void forget(ChatQueue chat) {
        boolean[] more = new boolean[1];
        chats.computeIfPresent(chat.chatId, (id, queue) -> {
            synchronized (queue) {
                if (queue != chat || !queue.queue.isEmpty()) {
                    more[0] = queue == chat;
                    return queue;
                }
                queue.idle = false;
                queue.draining = false;
                return null;
            }
        });
        if (more[0]) {
            timer.execute(() -> drain(chat));
        }
    }

    /** Sends one message; on completion the chat's queue moves on (or the message is retried). */
    private void deliver(Pending pending, ChatQueue chat) {
        CompletableFuture<? extends Serializable> call;
        try {
            if (pending.outbound instanceof Outbound.Photo photo) {
                call = telegram.executeAsync(methods.photo(photo));
            } else {
                BotApiMethod<? extends Serializable> method = pending.raw != null ? pending.raw
                        : methods.of(pending.outbound);
                call = execute(method);
            }
        } catch (Exception e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((result, error) -> {
            if (error == null) {
                sent.increment();
                if (pending.answer != null) {
                    pending.answer.complete(result);
                }
                done(chat);
            } else {
                onFailure(pending, chat, error instanceof CompletionException ? error.getCause() : error);
            }
        });
    }

    private <T extends Serializable> CompletableFuture<T> execute(BotApiMethod<T> method) throws Exception {
        return telegram.executeAsync(method);
    }

    private void onFailure(Pending pending, ChatQueue chat, Throwable error) {
        long chatId = pending.chatId;
        String method = pending.raw != null ? pending.raw.getMethod()
                : pending.outbound.getClass().getSimpleName();
        if (error instanceof TelegramApiRequestException api && api.getErrorCode() != null) {
            int code = api.getErrorCode();
            String description = api.getApiResponse() == null ? "" : api.getApiResponse();
            if (code == 429) {
                int retryAfter = api.getParameters() != null && api.getParameters().getRetryAfter() != null
                        ? api.getParameters().getRetryAfter() : 1;
                throttled.increment();
                log.warn("chat {}: Telegram flood limit, pausing all sending for {} s", chatId, retryAfter);
                synchronized (global) {
                    global.pauseUntil(System.nanoTime() + Duration.ofSeconds(retryAfter).toNanos());
                }
                retry(pending, chat, Duration.ofSeconds(retryAfter));
                return;
            }
            if (code == 400 && pending.outbound instanceof Outbound.Edit edit
                    && description.contains("message is not modified")) {
                done(chat);
                return;
            }
            if (code == 400 && pending.outbound instanceof Outbound.Edit edit) {
                // the message is gone or too old to edit: say it anew rather than lose it
                log.info("chat {}: edit of message {} refused ({}), sending it as a new message", chatId,
                        edit.messageId(), description);
                pending.outbound = new Outbound.Say(edit.chatId(), edit.text(), edit.keyboard());
                retry(pending, chat, Duration.ZERO);
                return;
            }
            if (pending.outbound instanceof Outbound.AnswerCallback) {
                // typically "query is too old" after a restart: the customer's tap is answered by the reply anyway
                log.debug("chat {}: callback answer refused with {}", chatId, code);
                return;
            }
            if (pending.outbound instanceof Outbound.AnswerPreCheckout) {
                // too late: Telegram has cancelled the payment, nothing was charged
                log.warn("chat {}: pre-checkout answer refused with {} {}", chatId, code, description);
                return;
            }
            if (code >= 400 && code < 500) {
                undelivered.increment();
                log.error("chat {}: {} refused by Telegram with {} {}, not retried", chatId, method, code,
                        description);
                giveUp(pending, error);
                done(chat);
                return;
            }
        }
        if (++pending.attempts < properties.maxAttempts()) {
            retried.increment();
            Duration backoff = Duration.ofMillis(Math.min(30_000, 250L << Math.min(pending.attempts, 7)));
            log.warn("chat {}: {} failed ({}), attempt {} of {}, retrying in {} ms", chatId, method,
                    error.getClass().getSimpleName(), pending.attempts, properties.maxAttempts(), backoff.toMillis());
            retry(pending, chat, backoff);
        } else {
            undelivered.increment();
            log.error("chat {}: {} undelivered after {} attempts: {}", chatId, method, pending.attempts,
                    error.toString());
            giveUp(pending, error);
            done(chat);
        }
    }

    /** Tries the same message again after {@code delay}, before anything queued behind it. */
    private void retry(Pending pending, ChatQueue chat, Duration delay) {
        if (chat == null) {
            timer.schedule(() -> deliver(pending, null), delay.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            timer.schedule(() -> drain(chat), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static void giveUp(Pending pending, Throwable error) {
        if (pending.answer != null) {
            pending.answer.completeExceptionally(error);
        }
    }

    private void done(ChatQueue chat) {
        if (chat == null) {
            return;
        }
        synchronized (chat) {
            chat.queue.poll();
        }
        queued.decrementAndGet();
        timer.execute(() -> drain(chat));
    }

    /** Waits up to {@code timeout} for queued messages to go out; used on shutdown so replies are not lost. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queued.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return queued.get() == 0;
    }

    @Override
    public void close() {
        if (!flush(Duration.ofSeconds(10))) {
            log.error("{} messages still queued at shutdown", queued.get());
        }
        timer.shutdownNow();
    }

    private final class ChatQueue {
        final long chatId;
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        final RateSchedule rate;
        /** A drain is under way or scheduled: a new message waits for it. */
        boolean draining;
        /** The queue is empty and only waits for its pacing debt to run out before it is forgotten. */
        boolean idle;
        /** Counts the times an idle queue was woken, so a stale idle check knows it is stale. */
        int epoch;

        ChatQueue(long chatId) {
            this.chatId = chatId;
            // groups have negative ids, and Telegram's own limit of 20 messages a minute
            this.rate = chatId < 0
                    ? new RateSchedule(properties.perGroupPerSecond(), properties.perGroupBurst())
                    : new RateSchedule(properties.perChatPerSecond(), properties.perChatBurst());
        }
    }

    /** A message to send, or a raw call whose answer someone waits for. */
    private static final class Pending {
        final long chatId;
        Outbound outbound;
        final BotApiMethod<? extends Serializable> raw;
        final CompletableFuture<Object> answer;
        int attempts;

        Pending(Outbound outbound) {
            this.chatId = outbound.chatId();
            this.outbound = outbound;
            this.raw = null;
            this.answer = null;
        }

        Pending(long chatId, BotApiMethod<? extends Serializable> raw, CompletableFuture<Object> answer) {
            this.chatId = chatId;
            this.outbound = null;
            this.raw = raw;
            this.answer = answer;
        }
    }
}
