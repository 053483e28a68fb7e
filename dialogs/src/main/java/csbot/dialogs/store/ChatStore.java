package csbot.dialogs.store;

import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.Session;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.UserProfile;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A chat's state in Redis, in two round trips per update: one script takes the chat lock and reads the session,
 * the profile and whether the update was already handled; another writes the new session, the profile, the
 * handled-marker and releases the lock — all or nothing, and only while the lock is still ours.
 */
public final class ChatStore {

    private static final LuaScript LOCK_AND_LOAD = new LuaScript("""
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0} end
            return {1, redis.call('GET', KEYS[2]) or '', redis.call('EXISTS', KEYS[3]), redis.call('GET', KEYS[4]) or ''}
            """, ScriptOutputType.MULTI);

    private static final LuaScript COMMIT = new LuaScript("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
            redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
            if ARGV[5] ~= '' then redis.call('SET', KEYS[4], ARGV[5]) end
            redis.call('DEL', KEYS[1])
            return 1
            """, ScriptOutputType.INTEGER);

    private static final LuaScript UNLOCK = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, ScriptOutputType.INTEGER);

    /** The chat's state as loaded under the lock. */
    public record Loaded(Conversation conversation, boolean alreadyHandled) {
    }

    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final StoreSettings settings;
    private final StateCodec codec = new StateCodec();
    private final NonceSource nonces;
    private final LongSupplier clock;

    public ChatStore(RedisClusterCommands<String, String> redis, KeySpace keys, StoreSettings settings,
                     NonceSource nonces, LongSupplier clock) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Empty when another turn holds the chat. */
    public Optional<Loaded> tryLockAndLoad(long chatId, long updateId, String lockToken) {
        List<Object> reply = LOCK_AND_LOAD.run(redis, chatKeys(chatId, updateId),
                lockToken, Long.toString(settings.lockTtl().toMillis()));
        if (((Long) reply.get(0)) == 0L) {
            return Optional.empty();
        }
        Session session = codec.readSession((String) reply.get(1), chatId)
                .orElseGet(() -> Session.idle(nonces.next(), clock.getAsLong()));
        UserProfile profile = codec.readProfile((String) reply.get(3), chatId).orElseGet(UserProfile::empty);
        boolean seen = ((Long) reply.get(2)) == 1L;
        return Optional.of(new Loaded(new Conversation(session, profile), seen));
    }

    /**
     * Stores the turn's outcome and releases the lock. False when the lock was lost (this turn outlived the lock
     * TTL and another turn may have run): nothing is written, and the update must be handled again.
     */
    public boolean commit(long chatId, long updateId, String lockToken, Conversation before, Conversation after) {
        String profile = after.profile().equals(before.profile()) ? "" : codec.write(after.profile());
        Long ok = COMMIT.run(redis, chatKeys(chatId, updateId),
                lockToken, codec.write(after.session()), Long.toString(settings.sessionTtl().toMillis()),
                Long.toString(settings.seenTtl().toMillis()), profile);
        return ok == 1L;
    }

    public void unlock(long chatId, String lockToken) {
        UNLOCK.run(redis, new String[]{keys.lock(chatId)}, lockToken);
    }

    private String[] chatKeys(long chatId, long updateId) {
        return new String[]{keys.lock(chatId), keys.session(chatId), keys.seen(chatId, updateId),
                keys.profile(chatId)};
    }
}
