package csbot.dialogs.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Work due at a time, as a Redis sorted set (member → due epoch millis) shared by every instance. Claiming takes the
 * due members and pushes each one's due time past a lease in the same script, so no other instance takes it
 * meanwhile; an instance that dies mid-way leaves it to be claimed again once the lease is over.
 */
public final class DueSchedule {

    private static final LuaScript CLAIM = new LuaScript("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
            for _, member in ipairs(due) do
              redis.call('ZADD', KEYS[1], ARGV[2], member)
            end
            return due
            """, ScriptOutputType.MULTI);

    private DueSchedule() {
    }

    /** Up to {@code max} members of {@code key} due by {@code now}, each leased for {@code lease} to the caller. */
    public static List<String> claim(RedisClusterCommands<String, String> redis, String key, Instant now,
                                     Duration lease, int max) {
        List<Object> due = CLAIM.run(redis, new String[]{key}, Long.toString(now.toEpochMilli()),
                Long.toString(now.plus(lease).toEpochMilli()), Integer.toString(max));
        return due.stream().map(String.class::cast).toList();
    }
}
