package csbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The bot's pending updates with Telegram's confirmation rule: an update stays until the bot confirms
 * it (getUpdates with a higher offset, or a 2xx from the webhook). Entries are kept in arrival order
 * by a sequence number, not by update id, because a redelivery brings an old update id back.
 */
final class UpdateQueue {

    /** One delivery of an update; a redelivery is a second entry with the same update. */
    record Entry(long seq, QueuedUpdate update, boolean redelivery) {
    }

    private final TreeMap<Long, Entry> pending = new TreeMap<>();
    private final Map<Long, QueuedUpdate> history = new HashMap<>();
    /** Redeliveries getUpdates has returned: only those may an offset confirm. */
    private final Set<Long> redeliveriesHandedOut = new HashSet<>();
    private long lastSeq;
    private long lastUpdateId;
    private long pollGeneration;
    private long version;
    private Set<String> allowedUpdates = Set.of();

    /**
     * Update ids start from the clock, so after an emulator restart they do not collide with ids the
     * bot has already deduplicated (Telegram's ids also keep growing); the factor leaves room below
     * 2^31, since the Bot API library reads update_id as an int.
     */
    UpdateQueue() {
        lastUpdateId = (Instant.now().getEpochSecond() % 20_000_000L) * 100;
    }

    synchronized QueuedUpdate enqueue(ObjectNode withoutId) {
        QueuedUpdate update = QueuedUpdate.of(++lastUpdateId, withoutId);
        history.put(update.updateId(), update);
        add(update, false);
        return update;
    }

    synchronized void redeliver(long updateId) {
        QueuedUpdate update = history.get(updateId);
        if (update == null) {
            throw new IllegalArgumentException("no update " + updateId + " was ever queued");
        }
        add(update, true);
    }

    /**
     * getUpdates: confirms what lies below {@code offset}, then returns what is pending from it on,
     * waiting up to the timeout when there is nothing. A newer poll ends a waiting one with 409, as
     * Telegram does when two bot instances poll.
     *
     * @param allowed the update types to keep, or null to keep the previous choice
     */
    synchronized List<QueuedUpdate> poll(long offset, int limit, long timeoutMillis, Set<String> allowed)
            throws InterruptedException {
        long generation = ++pollGeneration;
        notifyAll();
        if (allowed != null) {
            allowedUpdates = Set.copyOf(allowed);
        }
        confirmBelow(offset);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            List<QueuedUpdate> batch = collect(offset, limit);
            long left = deadline - System.currentTimeMillis();
            if (!batch.isEmpty() || left <= 0) {
                return batch;
            }
            wait(left);
            if (generation != pollGeneration) {
                throw ApiError.conflict("terminated by other getUpdates request; "
                        + "make sure that only one bot instance is running").exception();
            }
        }
    }

    /**
     * The first pending entries, in order, that {@code take} accepts, at most {@code max}. {@code take}
     * runs under the queue's lock and may keep state, e.g. to pass over chats that are busy.
     */
    synchronized List<Entry> firstPending(int max, Predicate<Entry> take) {
        List<Entry> chosen = new ArrayList<>();
        for (Iterator<Entry> it = pending.values().iterator(); it.hasNext() && chosen.size() < max; ) {
            Entry entry = it.next();
            if (take.test(entry)) {
                chosen.add(entry);
            }
        }
        return chosen;
    }

    synchronized void confirm(long seq) {
        pending.remove(seq);
        changed();
    }

    synchronized void clear() {
        pending.clear();
        redeliveriesHandedOut.clear();
        changed();
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized long version() {
        return version;
    }

    /** Waits until something changed since {@code seenVersion}, or the timeout passed. */
    synchronized void awaitChange(long seenVersion, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left = timeoutMillis;
        while (version == seenVersion && left > 0) {
            wait(left);
            left = deadline - System.currentTimeMillis();
        }
    }

    /** Wakes whoever waits for a change, e.g. when the webhook was set. */
    synchronized void wakeUp() {
        changed();
    }

    synchronized boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!pending.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private void add(QueuedUpdate update, boolean redelivery) {
        long seq = ++lastSeq;
        pending.put(seq, new Entry(seq, update, redelivery));
        changed();
    }

    private void changed() {
        version++;
        notifyAll();
    }

    private void confirmBelow(long offset) {
        int before = pending.size();
        if (offset < 0) {
            // Telegram: a negative offset keeps only the last -offset updates.
            while (pending.size() > -offset) {
                redeliveriesHandedOut.remove(pending.pollFirstEntry().getKey());
            }
        } else if (offset > 0) {
            pending.values().removeIf(entry -> entry.update().updateId() < offset
                    && (!entry.redelivery() || redeliveriesHandedOut.remove(entry.seq())));
        }
        if (pending.size() != before) {
            changed();
        }
    }

    private List<QueuedUpdate> collect(long offset, int limit) {
        List<QueuedUpdate> batch = new ArrayList<>();
        for (Iterator<Entry> it = pending.values().iterator(); it.hasNext() && batch.size() < limit; ) {
            Entry entry = it.next();
            if (!allowedUpdates.isEmpty() && !allowedUpdates.contains(entry.update().type())) {
                it.remove();  // Telegram does not even keep updates of types the bot did not ask for
            } else if (entry.update().updateId() >= offset
                    || (entry.redelivery() && !redeliveriesHandedOut.contains(entry.seq()))) {
                // a redelivery handed out either way is now confirmable: noted even when its id was >= offset
                if (entry.redelivery()) {
                    redeliveriesHandedOut.add(entry.seq());
                }
                batch.add(entry.update());
            }
        }
        return batch;
    }
}
