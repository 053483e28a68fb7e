package csbot.dialogs.store;

import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Outbound;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * Runs one update's turn for its chat: wait for the chat lock, load, skip if the update was already handled, let
 * the handler compute the new state, commit. Across bot instances this is what keeps one chat's updates in order
 * and each update handled once.
 */
public final class ChatTurns {

    /** What happened to an update. */
    public sealed interface Outcome {
    }

    /** Handled now; send {@code out}. */
    public record Handled(List<Outbound> out) implements Outcome {
    }

    /** Handled before (a redelivery): send nothing. */
    public record Duplicate() implements Outcome {
    }

    /** Not handled: the quota was used up ({@code count} is this update's number in its window). */
    public record OverQuota(long count) implements Outcome {
    }

    /** The chat stayed locked by another turn for longer than the lock wait. */
    public static final class ChatBusy extends RuntimeException {
        public ChatBusy(long chatId) {
            super("chat " + chatId + " stayed locked");
        }
    }

    /** The lock expired before the commit; nothing was stored and the update must be handled again. */
    public static final class LockLost extends RuntimeException {
        public LockLost(long chatId) {
            super("lock of chat " + chatId + " expired during the turn");
        }
    }

    private final ChatStore store;
    private final Duration lockWait;
    private final NonceSource tokens = new NonceSource(16);

    public ChatTurns(ChatStore store, StoreSettings settings) {
        this.store = store;
        this.lockWait = settings.lockWait();
    }

    public Outcome run(Inbound inbound, BiFunction<Conversation, Inbound, Conversation.Turned> handler) {
        return run(inbound, store::tryLockAndLoad, handler);
    }

    /**
     * As {@link #run(Inbound, BiFunction)}, first counting the update against {@code quota} in the same round trip
     * that takes the lock; over it, nothing else happens and the outcome is {@link OverQuota}.
     */
    public Outcome run(Inbound inbound, ChatStore.Quota quota,
                       BiFunction<Conversation, Inbound, Conversation.Turned> handler) {
        return run(inbound, (chat, update, token) -> store.tryLockAndLoad(chat, update, token, quota), handler);
    }

    /** One attempt at taking a chat. */
    @FunctionalInterface
    private interface Locking {
        ChatStore.Attempt attempt(long chatId, long updateId, String token);
    }

    private Outcome run(Inbound inbound, Locking locking,
                        BiFunction<Conversation, Inbound, Conversation.Turned> handler) {
        long chatId = inbound.origin().chatId();
        long updateId = inbound.origin().updateId();
        String token = tokens.next();
        ChatStore.Attempt attempt = lockAndLoad(chatId, updateId, token, locking);
        if (attempt instanceof ChatStore.OverQuota over) {
            return new OverQuota(over.count());
        }
        ChatStore.Loaded loaded = (ChatStore.Loaded) attempt;
        Conversation.Turned turned;
        try {
            if (loaded.alreadyHandled()) {
                store.unlock(chatId, token);
                return new Duplicate();
            }
            turned = handler.apply(loaded.conversation(), inbound);
        } catch (RuntimeException e) {
            store.unlock(chatId, token);
            throw e;
        }
        Conversation after = new Conversation(turned.session(), turned.profile());
        if (!store.commit(chatId, updateId, token, loaded.conversation(), after)) {
            throw new LockLost(chatId);
        }
        return new Handled(turned.out());
    }

    /** Waits for the chat; a turn over its quota does not wait. */
    private ChatStore.Attempt lockAndLoad(long chatId, long updateId, String token, Locking locking) {
        long deadline = System.nanoTime() + lockWait.toNanos();
        long pauseMicros = 500;
        while (true) {
            ChatStore.Attempt attempt = locking.attempt(chatId, updateId, token);
            if (!(attempt instanceof ChatStore.Busy)) {
                return attempt;
            }
            if (System.nanoTime() > deadline) {
                throw new ChatBusy(chatId);
            }
            LockSupport.parkNanos(pauseMicros * 1_000);
            pauseMicros = Math.min(pauseMicros * 2, 50_000);
        }
    }
}
