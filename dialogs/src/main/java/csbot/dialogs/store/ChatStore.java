package csbot.dialogs.store;

import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.Session;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.UserProfile;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A chat's state in Redis, in two round trips per update: one script takes the chat lock and reads the session,
 * the profile and whether the update was already handled; another writes the new session, the profile, the
 * handled-marker and releases the lock — all or nothing, and only while the lock is still ours.
 */
public final class ChatStore {

    /** With a quota (ARGV[3] its window, ARGV[4] its limit, KEYS[5] its counter) the lock also counts against it. */
    private static final LuaScript LOCK_AND_LOAD = new LuaScript("""
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0} end
            if ARGV[3] then
              local n = redis.call('INCR', KEYS[5])
              if n == 1 then redis.call('PEXPIRE', KEYS[5], ARGV[3]) end
              if n > tonumber(ARGV[4]) then
                redis.call('DEL', KEYS[1])
                return {2, n}
              end
            end
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

    /** What came of an attempt to take a chat. */
    public sealed interface Attempt permits Loaded, Busy, OverQuota {
    }

    /** The chat is ours: its state as loaded under the lock. */
    public record Loaded(Conversation conversation, boolean alreadyHandled) implements Attempt {
    }

    /** Another turn holds the chat. */
    public record Busy() implements Attempt {
    }

    /** The quota was used up ({@code count} is this attempt's number in its window); the chat was given back. */
    public record OverQuota(long count) implements Attempt {
    }

    /**
     * A counter taken in the same round trip as the chat lock, so that e.g. a per-user rate limit costs no extra
     * trip to Redis: every lock taken adds one; past {@code limit} within {@code window} the lock is given back at
     * once. The key must carry the chat's hash tag (see {@link KeySpace#chatKey}) to share its Cluster slot.
     */
    public record Quota(String key, Duration window, long limit) {
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

    public Attempt tryLockAndLoad(long chatId, long updateId, String lockToken) {
        return loaded(LOCK_AND_LOAD.run(redis, chatKeys(chatId, updateId), lockToken, lockTtl()), chatId);
    }

    /** As {@link #tryLockAndLoad(long, long, String)}, counting the attempt against {@code quota}. */
    public Attempt tryLockAndLoad(long chatId, long updateId, String lockToken, Quota quota) {
        return loaded(LOCK_AND_LOAD.run(redis, withQuota(chatKeys(chatId, updateId), quota), lockToken, lockTtl(),
                Long.toString(quota.window().toMillis()), Long.toString(quota.limit())), chatId);
    }

    private Attempt loaded(List<Object> reply, long chatId) {
        long verdict = (Long) reply.get(0);
        if (verdict == 0L) {
            return new Busy();
        }
        if (verdict == 2L) {
            return new OverQuota((Long) reply.get(1));
        }
        Session session = codec.readSession((String) reply.get(1), chatId)
                .orElseGet(() -> Session.idle(nonces.next(), clock.getAsLong()));
        UserProfile profile = codec.readProfile((String) reply.get(3), chatId).orElseGet(UserProfile::empty);
        boolean seen = ((Long) reply.get(2)) == 1L;
        return new Loaded(new Conversation(session, profile), seen);
    }

    private String lockTtl() {
        return Long.toString(settings.lockTtl().toMillis());
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

    /** The customer's profile as stored now, read without the chat lock (for answers that cannot wait for it). */
    public UserProfile profile(long chatId) {
        String stored = redis.get(keys.profile(chatId));
        return codec.readProfile(stored == null ? "" : stored, chatId).orElseGet(UserProfile::empty);
    }

    public void unlock(long chatId, String lockToken) {
        UNLOCK.run(redis, new String[]{keys.lock(chatId)}, lockToken);
    }

    private static String[] withQuota(String[] chatKeys, Quota quota) {
        String[] keys = Arrays.copyOf(chatKeys, chatKeys.length + 1);
        keys[chatKeys.length] = quota.key();
        return keys;
    }

    private String[] chatKeys(long chatId, long updateId) {
        return new String[]{keys.lock(chatId), keys.session(chatId), keys.seen(chatId, updateId),
                keys.profile(chatId)};
    }
}
