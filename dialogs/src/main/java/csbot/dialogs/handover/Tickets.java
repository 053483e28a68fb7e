package csbot.dialogs.handover;

import csbot.dialogs.store.DueSchedule;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The agent desk's tickets in Redis, shared by every bot instance. All keys carry the hash tag {@code {desk}}, so they
 * share one Redis Cluster slot and one script may change a ticket and its maps together:
 * <ul>
 *   <li>{@code {desk}:ticket:<n>} — the ticket (a hash, see {@link Ticket}); kept for the retention once closed</li>
 *   <li>{@code {desk}:chat:<chat>} — the customer's open ticket; {@code {desk}:topic:<thread>} — a topic's ticket</li>
 *   <li>{@code {desk}:waiting} — waiting tickets by number, for queue positions</li>
 *   <li>{@code {desk}:due} — when each open ticket must be looked at (waiting reminder, agent silence)</li>
 *   <li>{@code {desk}:topics} — tickets whose forum topic is still to be opened</li>
 *   <li>{@code {desk}:held:<n>} — customer messages that came before the topic, copied in once it exists</li>
 *   <li>{@code {desk}:transcript:<n>} — the masked transcript</li>
 *   <li>{@code {desk}:comment:<chat>} — the rated ticket whose comment the chat's next message is</li>
 * </ul>
 * Every change is a compare-and-set on the ticket's version, so when two instances (or an agent and a timeout) race,
 * exactly one change is made, and only its maker tells anyone.
 */
public final class Tickets {

    /** Opens a ticket unless the chat has one; answers the open ticket's number and 1 when this call opened it. */
    private static final LuaScript OPEN = new LuaScript("""
            local existing = redis.call('GET', KEYS[1])
            if existing then return {tonumber(existing), 0} end
            redis.call('HSET', KEYS[2], unpack(ARGV, 4))
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[1], ARGV[1])
            redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
            redis.call('ZADD', KEYS[5], ARGV[3], ARGV[1])
            return {tonumber(ARGV[1]), 1}
            """, ScriptOutputType.MULTI);

    /**
     * Stores a changed ticket if it is still at the version it was changed from, and keeps the maps in step: the
     * waiting queue, the due schedule, the chat's open ticket (not taken back from a newer ticket: -1), the retention.
     */
    private static final LuaScript SAVE = new LuaScript("""
            if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
            local n = ARGV[2]
            local open = ARGV[3] ~= 'CLOSED'
            local current = redis.call('GET', KEYS[2])
            if open and current and current ~= n then return -1 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 6))
            if ARGV[3] == 'WAITING' then redis.call('ZADD', KEYS[3], n, n) else redis.call('ZREM', KEYS[3], n) end
            if tonumber(ARGV[4]) > 0 then redis.call('ZADD', KEYS[4], ARGV[4], n) else redis.call('ZREM', KEYS[4], n) end
            if open then
              redis.call('SET', KEYS[2], n)
              redis.call('PERSIST', KEYS[1])
              redis.call('PERSIST', KEYS[5])
            else
              if current == n then redis.call('DEL', KEYS[2]) end
              redis.call('PEXPIRE', KEYS[1], ARGV[5])
              if redis.call('EXISTS', KEYS[5]) == 1 then redis.call('PEXPIRE', KEYS[5], ARGV[5]) end
            end
            return 1
            """, ScriptOutputType.INTEGER);

    /** Sets the topic once; answers the messages held for it (and empties the hold), or 'taken' if it had one. */
    private static final LuaScript SET_TOPIC = new LuaScript("""
            if redis.call('HGET', KEYS[1], 'threadId') ~= '0' then return {'taken'} end
            redis.call('HSET', KEYS[1], 'threadId', ARGV[1])
            redis.call('HINCRBY', KEYS[1], 'version', 1)
            redis.call('SET', KEYS[2], ARGV[2])
            redis.call('ZREM', KEYS[4], ARGV[2])
            local held = redis.call('LRANGE', KEYS[3], 0, -1)
            redis.call('DEL', KEYS[3])
            table.insert(held, 1, 'ok')
            return held
            """, ScriptOutputType.MULTI);

    /** The topic to copy a customer message into, or 0 after holding the message until the topic exists. */
    private static final LuaScript TOPIC_OR_HOLD = new LuaScript("""
            local thread = redis.call('HGET', KEYS[1], 'threadId')
            if not thread then return -1 end
            if thread ~= '0' then return tonumber(thread) end
            redis.call('RPUSH', KEYS[2], ARGV[1])
            return 0
            """, ScriptOutputType.INTEGER);

    /** The result of {@link #open}. */
    public record Opened(Ticket ticket, boolean isNew) {
    }

    /** Where a customer's chat stands with the desk, read in one round trip on each of their updates. */
    public sealed interface Standing {
    }

    /** Nothing to do with the desk: the bot answers. */
    public record NoTicket() implements Standing {
    }

    /** A ticket is open: the desk takes the message. */
    public record InTicket(Ticket ticket) implements Standing {
    }

    /** A closed ticket was rated and its comment may come now. */
    public record AwaitingComment() implements Standing {
    }

    /** The result of a change: stored, or why not. */
    public enum Saved { STORED, CHANGED_MEANWHILE, CHAT_HAS_ANOTHER }

    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final Duration retention;

    public Tickets(RedisClusterCommands<String, String> redis, KeySpace keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    /**
     * Opens a waiting ticket for the chat of {@code draft} (its number and version are set here), or answers the
     * chat's open one: asking twice is one ticket.
     *
     * @param remindAt when a waiting ticket nobody took gets its reminder
     */
    public Opened open(Ticket draft, Instant remindAt, Instant now) {
        long number = redis.incr(key("seq"));
        Ticket ticket = new Ticket(number, draft.chatId(), draft.firstName(), draft.lang(), draft.maskedLine(),
                draft.reason(), draft.lastFlow(), draft.lastStep(), Ticket.Status.WAITING, 0, 0, "",
                draft.createdAt(), 0, 0, false, 0, "", "", 1);
        List<String> args = new ArrayList<>(List.of(Long.toString(number), Long.toString(remindAt.toEpochMilli()),
                Long.toString(now.toEpochMilli())));
        ticket.toHash().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        List<Object> result = OPEN.run(redis, new String[]{chatKey(draft.chatId()), ticketKey(number),
                key("waiting"), key("due"), key("topics")}, args.toArray(String[]::new));
        long opened = (Long) result.get(0);
        boolean isNew = (Long) result.get(1) == 1L;
        return new Opened(isNew ? ticket : find(opened).orElseThrow(), isNew);
    }

    public Optional<Ticket> find(long number) {
        return Ticket.fromHash(redis.hgetall(ticketKey(number)));
    }

    /** The chat's open ticket, or the comment awaited: both keys in one MGET (they share the {desk} slot). */
    public Standing standing(long chatId) {
        List<String> values = redis.mget(chatKey(chatId), commentKey(chatId)).stream()
                .map(value -> value.getValueOrElse(null)).toList();
        if (values.get(0) != null) {
            Optional<Ticket> open = find(Long.parseLong(values.get(0))).filter(Ticket::isOpen);
            if (open.isPresent()) {
                return new InTicket(open.get());
            }
        }
        return values.get(1) != null ? new AwaitingComment() : new NoTicket();
    }

    /** The chat's open ticket. */
    public Optional<Ticket> openFor(long chatId) {
        String number = redis.get(chatKey(chatId));
        return number == null ? Optional.empty() : find(Long.parseLong(number)).filter(Ticket::isOpen);
    }

    public Optional<Ticket> forTopic(int threadId) {
        String number = redis.get(key("topic:" + threadId));
        return number == null ? Optional.empty() : find(Long.parseLong(number));
    }

    /** How many tickets wait for an agent now. */
    public long waitingCount() {
        return redis.zcard(key("waiting"));
    }

    /** 1 for the next ticket to be taken; 0 when the ticket is not waiting. */
    public long position(long number) {
        Long rank = redis.zrank(key("waiting"), Long.toString(number));
        return rank == null ? 0 : rank + 1;
    }

    /**
     * Stores {@code changed} (made from {@code from}) if nobody changed the ticket meanwhile. {@code dueAt} is when it
     * must be looked at next, null for never.
     */
    public Saved save(Ticket from, Ticket changed, Instant dueAt) {
        Ticket next = new Ticket(changed.number(), changed.chatId(), changed.firstName(), changed.lang(),
                changed.maskedLine(), changed.reason(), changed.lastFlow(), changed.lastStep(), changed.status(),
                changed.threadId(), changed.agentId(), changed.agentName(), changed.createdAt(),
                changed.lastAgentAt(), changed.closedAt(), changed.pinged(), changed.rating(), changed.comment(),
                changed.endedBy(), from.version() + 1);
        List<String> args = new ArrayList<>(List.of(Long.toString(from.version()), Long.toString(next.number()),
                next.status().name(), dueAt == null ? "0" : Long.toString(dueAt.toEpochMilli()),
                Long.toString(retention.toMillis())));
        next.toHash().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Long done = SAVE.run(redis, new String[]{ticketKey(next.number()), chatKey(next.chatId()), key("waiting"),
                key("due"), transcriptKey(next.number())}, args.toArray(String[]::new));
        return done == 1L ? Saved.STORED : done == 0L ? Saved.CHANGED_MEANWHILE : Saved.CHAT_HAS_ANOTHER;
    }

    /**
     * Changes a ticket with {@code change} until it is stored or the change says no (empty); answers the ticket as
     * stored by this call, empty when this call changed nothing.
     */
    public Optional<Ticket> change(long number, UnaryOperator<Optional<Ticket>> change,
                                   Function<Ticket, Instant> dueAt) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<Ticket> current = find(number);
            Optional<Ticket> changed = change.apply(current);
            if (current.isEmpty() || changed.isEmpty()) {
                return Optional.empty();
            }
            Saved saved = save(current.get(), changed.get(), dueAt.apply(changed.get()));
            if (saved == Saved.STORED) {
                return find(number);
            }
            if (saved == Saved.CHAT_HAS_ANOTHER) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("ticket " + number + " kept changing");
    }

    /**
     * Records the topic opened for a ticket, once: answers the ids of the customer's messages held meanwhile, in
     * order, to be copied in now; empty when another instance set a topic first (this one is then left unused).
     */
    public Optional<List<Integer>> topicOpened(long number, int threadId) {
        List<Object> result = SET_TOPIC.run(redis, new String[]{ticketKey(number), key("topic:" + threadId),
                key("held:" + number), key("topics")}, Integer.toString(threadId), Long.toString(number));
        if ("taken".equals(result.get(0))) {
            return Optional.empty();
        }
        return Optional.of(result.subList(1, result.size()).stream()
                .map(id -> Integer.parseInt((String) id)).toList());
    }

    /** The ticket's topic to copy a customer message into now; 0 when it is held until the topic exists. */
    public int topicOrHold(long number, int messageId) {
        Long thread = TOPIC_OR_HOLD.run(redis, new String[]{ticketKey(number), key("held:" + number)},
                Integer.toString(messageId));
        return thread.intValue();
    }

    /** Tickets whose topic is due to be opened (again), each leased to the caller. */
    public List<Long> claimTopicsToOpen(Instant now, Duration lease, int max) {
        return DueSchedule.claim(redis, key("topics"), now, lease, max).stream().map(Long::parseLong).toList();
    }

    /** A ticket that needs no topic any more (closed before one was opened): what was held for it goes too. */
    public void noTopicNeeded(long number) {
        redis.zrem(key("topics"), Long.toString(number));
        redis.del(key("held:" + number));
    }

    /** Open tickets due to be looked at, each leased to the caller. */
    public List<Long> claimDue(Instant now, Duration lease, int max) {
        return DueSchedule.claim(redis, key("due"), now, lease, max).stream().map(Long::parseLong).toList();
    }

    /** Appends a masked line to the ticket's transcript. */
    public void record(long number, Instant at, String who, String maskedText) {
        redis.rpush(transcriptKey(number), at.toEpochMilli() + "\t" + who + "\t" + maskedText.replace('\n', ' '));
    }

    /** The transcript as stored: one "epoch millis, who, masked text" line per entry. */
    public List<String> transcript(long number) {
        return redis.lrange(transcriptKey(number), 0, -1);
    }

    /** Notes which ticket the chat's next plain message comments on, for {@code window}. */
    public void awaitComment(long chatId, long number, Duration window) {
        redis.psetex(commentKey(chatId), window.toMillis(), Long.toString(number));
    }

    /** The ticket the chat's message comments on, once: the wait ends with it. */
    public Optional<Long> takeCommentWait(long chatId) {
        String number = redis.getdel(commentKey(chatId));
        return number == null ? Optional.empty() : Optional.of(Long.parseLong(number));
    }

    private String ticketKey(long number) {
        return key("ticket:" + number);
    }

    private String transcriptKey(long number) {
        return key("transcript:" + number);
    }

    private String commentKey(long chatId) {
        return key("comment:" + chatId);
    }

    private String chatKey(long chatId) {
        return key("chat:" + chatId);
    }

    private String key(String name) {
        return keys.global("{desk}:" + name);
    }
}
