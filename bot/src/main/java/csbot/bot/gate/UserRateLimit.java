package csbot.bot.gate;

import csbot.bot.config.GateProperties;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * A fixed window per user in Redis, shared by all instances: the first {@code userUpdates} updates of a window
 * pass, the next one is told to slow down, the rest are dropped quietly.
 */
final class UserRateLimit {

    enum Verdict { PASS, NOTIFY, DROP }

    private static final LuaScript COUNT = new LuaScript("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, ScriptOutputType.INTEGER);

    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final GateProperties properties;

    UserRateLimit(RedisClusterCommands<String, String> redis, KeySpace keys, GateProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
    }

    Verdict check(long userId) {
        Long count = COUNT.run(redis, new String[]{keys.chatKey(userId, "rate")},
                Long.toString(properties.userWindow().toMillis()));
        if (count <= properties.userUpdates()) {
            return Verdict.PASS;
        }
        return count == properties.userUpdates() + 1L ? Verdict.NOTIFY : Verdict.DROP;
    }
}
