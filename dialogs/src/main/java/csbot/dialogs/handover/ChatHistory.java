package csbot.dialogs.handover;

import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The last messages of each conversation (customer and bot), masked, for the context card agents get: a short list
 * per chat ({@code {chat:<id>}:history}), trimmed to {@link #SIZE} and forgotten after a week of silence.
 */
public final class ChatHistory {

    public static final int SIZE = 10;
    private static final Duration KEEP = Duration.ofDays(7);
    /** Push, trim and keep alive in one round trip: this runs on every update while a desk is configured. */
    private static final LuaScript ADD = new LuaScript("""
            redis.call('LPUSH', KEYS[1], unpack(ARGV, 3))
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[1]) - 1)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """, ScriptOutputType.INTEGER);

    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;

    public ChatHistory(RedisClusterCommands<String, String> redis, KeySpace keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Adds lines (e.g. "👤 余额", "🤖 Your balance …"), oldest first; each is masked and cut to one short line. */
    public void add(long chatId, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(Integer.toString(SIZE), Long.toString(KEEP.toMillis())));
        lines.stream().map(ChatHistory::shorten).forEach(args::add);
        ADD.run(redis, new String[]{keys.chatKey(chatId, "history")}, args.toArray(String[]::new));
    }

    /** Oldest first. */
    public List<String> last(long chatId) {
        List<String> newestFirst = new ArrayList<>(redis.lrange(keys.chatKey(chatId, "history"), 0, SIZE - 1));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static String shorten(String line) {
        String one = TextMask.mask(line).replace('\n', ' ').strip();
        return one.length() > 120 ? one.substring(0, 119) + "…" : one;
    }
}
