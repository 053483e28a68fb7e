package csbot.bot.alerts;

import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.util.List;

/**
 * One rate for all dispatchers of all instances, kept in Redis: the global rate as the generic cell rate algorithm
 * keeps it (one timestamp, Redis's own clock, so instances' clocks need not agree), at most one alert per chat per
 * {@code perChatInterval}, and a pause all instances honour after Telegram answered 429. A dispatcher reserves the
 * next free slot and waits for it, rather than asking again and again: a slot is never lost to a thread that woke up
 * late, so the rate achieved is the rate configured.
 */
final class SharedRate {

    /** The go-ahead, or what to wait for. */
    sealed interface Verdict {
    }

    /** The slot is this dispatcher's: send after {@code after}. */
    record Go(Duration after) implements Verdict {
    }

    /** A 429 pause: wait this long and ask again. */
    record Wait(Duration duration) implements Verdict {
    }

    /** This chat had an alert moments ago: send this one later, others meanwhile. */
    record ChatBusy(Duration duration) implements Verdict {
    }

    private static final LuaScript TAKE = new LuaScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local pause = redis.call('PTTL', KEYS[2])
            if pause > 0 then return {1, pause} end
            local chat = redis.call('PTTL', KEYS[3])
            if chat > 0 then return {2, chat} end
            local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tat < now then tat = now end
            local wait = math.max(0, math.ceil((tat - tonumber(ARGV[2]) - now) / 1000))
            redis.call('SET', KEYS[1], string.format('%.0f', tat + tonumber(ARGV[1])), 'PX', 60000)
            redis.call('SET', KEYS[3], '1', 'PX', wait + tonumber(ARGV[3]))
            return {0, wait}""", ScriptOutputType.MULTI);

    private final KeySpace keys;
    private final long intervalMicros;
    private final long toleranceMicros;
    private final long perChatMillis;

    SharedRate(KeySpace keys, double perSecond, int burst, Duration perChatInterval) {
        this.keys = keys;
        this.intervalMicros = Math.max(1, Math.round(1_000_000 / perSecond));
        this.toleranceMicros = intervalMicros * (burst - 1L);
        this.perChatMillis = Math.max(1, perChatInterval.toMillis());
    }

    Verdict take(RedisClusterCommands<String, String> redis, long chatId) {
        List<Long> answer = TAKE.run(redis, new String[]{keys.global("alerts:{q}:rate"),
                        keys.global("alerts:{q}:pause"), keys.global("alerts:{q}:chat:" + chatId)},
                Long.toString(intervalMicros), Long.toString(toleranceMicros), Long.toString(perChatMillis));
        long kind = answer.get(0);
        if (kind == 0) {
            return new Go(Duration.ofMillis(answer.get(1)));
        }
        Duration wait = Duration.ofMillis(Math.max(1, answer.get(1)));
        return kind == 2 ? new ChatBusy(wait) : new Wait(wait);
    }

    /** Telegram said 429: nobody sends before {@code retryAfter} has passed. */
    void pause(RedisClusterCommands<String, String> redis, Duration retryAfter) {
        redis.set(keys.global("alerts:{q}:pause"), "1",
                io.lettuce.core.SetArgs.Builder.px(Math.max(1, retryAfter.toMillis())));
    }
}
