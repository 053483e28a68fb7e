package csbot.bot.alerts;

import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.LuaScript;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.ClaimedMessages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert queue in Redis: a stream read by the consumer group {@value #GROUP} (each alert goes to one dispatcher;
 * one that dies leaves its alerts pending for another to claim), a sorted set of alerts waiting for a time (quiet
 * hours, a retry's backoff, a chat's pacing) and a dead-letter stream. All keys carry the hash tag {@code {q}} so the
 * scripts that move an alert from one to another run in one slot, atomically: an alert is always in exactly one place.
 */
final class AlertQueue {

    static final String GROUP = "dispatchers";
    private static final String FIELD = "alert";

    /** Queues an alert unless its dedupe key was seen. */
    private static final LuaScript OFFER = new LuaScript("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
              redis.call('XADD', KEYS[2], '*', 'alert', ARGV[2])
              return 1
            end
            return 0""", ScriptOutputType.INTEGER);
    /** Still this consumer's? Then its idle time starts again (nobody claims it while it is being sent). */
    private static final LuaScript HOLD = new LuaScript("""
            local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
            if #p == 0 or p[1][2] ~= ARGV[3] then return 0 end
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
            return 1""", ScriptOutputType.INTEGER);
    private static final LuaScript DONE = new LuaScript("""
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return 1""", ScriptOutputType.INTEGER);
    private static final LuaScript DEFER = new LuaScript("""
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return 1""", ScriptOutputType.INTEGER);
    private static final LuaScript DUE = new LuaScript("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
            for _, m in ipairs(due) do
              redis.call('XADD', KEYS[2], '*', 'alert', m)
              redis.call('ZREM', KEYS[1], m)
            end
            return #due""", ScriptOutputType.INTEGER);
    private static final LuaScript DEAD = new LuaScript("""
            redis.call('XADD', KEYS[2], '*', 'alert', ARGV[3], 'reason', ARGV[4])
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return 1""", ScriptOutputType.INTEGER);
    private static final LuaScript REPLAY = new LuaScript("""
            if redis.call('XDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('XADD', KEYS[2], '*', 'alert', ARGV[2])
            return 1""", ScriptOutputType.INTEGER);

    /** An alert read from the stream: its entry id and its JSON (see {@link QueuedAlert#parse}). */
    record Entry(String id, String json) {
    }

    /** An alert in the dead-letter stream. */
    record DeadLetter(String id, QueuedAlert alert, String reason) {
    }

    private final KeySpace keys;
    private final String stream;
    private final String deferred;
    private final String dead;

    AlertQueue(KeySpace keys) {
        this.keys = keys;
        this.stream = keys.global("alerts:{q}:stream");
        this.deferred = keys.global("alerts:{q}:deferred");
        this.dead = keys.global("alerts:{q}:dead");
    }

    /** True when queued; false when an alert with the same dedupe key was queued within {@code dedupeFor}. */
    boolean offer(RedisClusterCommands<String, String> redis, String dedupeKey, QueuedAlert alert, Duration dedupeFor) {
        long queued = OFFER.run(redis, new String[]{keys.global("alerts:{q}:dedupe:" + dedupeKey), stream},
                Long.toString(dedupeFor.toMillis()), alert.json());
        return queued == 1;
    }

    void createGroup(RedisClusterCommands<String, String> redis) {
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException exists) {
            // BUSYGROUP: another instance made it first
        }
    }

    List<Entry> read(RedisClusterCommands<String, String> redis, String consumer, int count, Duration block) {
        List<StreamMessage<String, String>> messages = redis.xreadgroup(Consumer.from(GROUP, consumer),
                XReadArgs.Builder.count(count).block(block), XReadArgs.StreamOffset.lastConsumed(stream));
        return messages.stream().map(AlertQueue::entry).toList();
    }

    /** Alerts another dispatcher read more than {@code idle} ago and never finished: it died. Now this consumer's. */
    List<Entry> claimAbandoned(RedisClusterCommands<String, String> redis, String consumer, Duration idle, int count) {
        ClaimedMessages<String, String> claimed = redis.xautoclaim(stream,
                XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, consumer), idle, "0-0").count(count));
        return claimed.getMessages().stream().map(AlertQueue::entry).toList();
    }

    boolean hold(RedisClusterCommands<String, String> redis, String consumer, String id) {
        long held = HOLD.run(redis, new String[]{stream}, GROUP, id, consumer);
        return held == 1;
    }

    void done(RedisClusterCommands<String, String> redis, String id) {
        DONE.run(redis, new String[]{stream}, GROUP, id);
    }

    void defer(RedisClusterCommands<String, String> redis, String id, QueuedAlert alert, long untilMillis) {
        DEFER.run(redis, new String[]{stream, deferred}, GROUP, id, Long.toString(untilMillis), alert.json());
    }

    /** Puts alerts whose time has come back on the stream; how many. */
    long releaseDue(RedisClusterCommands<String, String> redis, long nowMillis, int limit) {
        return DUE.run(redis, new String[]{deferred, stream}, Long.toString(nowMillis), Integer.toString(limit));
    }

    void deadLetter(RedisClusterCommands<String, String> redis, String id, String json, String reason) {
        DEAD.run(redis, new String[]{stream, dead}, GROUP, id, json, reason);
    }

    /** Oldest first; an entry that is not an alert at all (a bug's trace) is left out: nothing to replay. */
    List<DeadLetter> deadLetters(RedisClusterCommands<String, String> redis, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (StreamMessage<String, String> m : redis.xrange(dead, Range.create("-", "+"), Limit.from(limit))) {
            try {
                letters.add(new DeadLetter(m.getId(), QueuedAlert.parse(m.getBody().getOrDefault(FIELD, "")),
                        m.getBody().getOrDefault("reason", "")));
            } catch (IllegalArgumentException unreadable) {
                // listed nowhere but the dead-letter stream itself (XRANGE)
            }
        }
        return letters;
    }

    /** Moves one dead letter back to the stream as {@code alert}; false when it is no longer there. */
    boolean replay(RedisClusterCommands<String, String> redis, String deadId, QueuedAlert alert) {
        long replayed = REPLAY.run(redis, new String[]{dead, stream}, deadId, alert.json());
        return replayed == 1;
    }

    long waiting(RedisClusterCommands<String, String> redis) {
        return redis.xlen(stream) + redis.zcard(deferred);
    }

    private static Entry entry(StreamMessage<String, String> message) {
        return new Entry(message.getId(), message.getBody().getOrDefault(FIELD, ""));
    }
}
