package csbot.dialogs.topup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.dialogs.store.DueSchedule;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The payments the bot has received and not yet seen through, in Redis ({@code payment:<key>}, kept 7 days), and
 * the schedule of those whose top-up must be looked at again ({@code payments:due}, a sorted set by due time).
 * Every change of state is a compare-and-set on the stored state, so when two instances (or an event and the
 * schedule) race, exactly one of them moves the payment on — and only that one tells the customer.
 */
public final class PaymentLedger {

    private static final LuaScript ADVANCE = new LuaScript("""
            local current = redis.call('GET', KEYS[1])
            if not current then return 0 end
            local state = cjson.decode(current)['state']
            for i = 2, #ARGV do
              if ARGV[i] == state then
                redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
                return 1
              end
            end
            return 0
            """, ScriptOutputType.INTEGER);

    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final Duration retention;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public PaymentLedger(RedisClusterCommands<String, String> redis, KeySpace keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    /** Records a new payment; false when one with this key exists already (a payment reported twice). */
    public boolean open(Payment payment) {
        String ok = redis.set(key(payment.key()), write(payment), SetArgs.Builder.nx().px(retention.toMillis()));
        return "OK".equals(ok);
    }

    public Optional<Payment> find(String paymentKey) {
        String stored = redis.get(key(paymentKey));
        return stored == null ? Optional.empty() : Optional.of(read(stored));
    }

    /** Stores {@code next} if the stored payment is still in one of {@code from}; true when this call did it. */
    public boolean advance(Payment next, Payment.State... from) {
        String[] args = new String[1 + from.length];
        args[0] = write(next);
        for (int i = 0; i < from.length; i++) {
            args[1 + i] = from[i].name();
        }
        Long done = ADVANCE.run(redis, new String[]{key(next.key())}, args);
        return done == 1L;
    }

    /** Look at this payment again at {@code when}. */
    public void dueAt(String paymentKey, Instant when) {
        redis.zadd(keys.global("payments:due"), when.toEpochMilli(), paymentKey);
    }

    /** Nothing more to follow for this payment. */
    public void settled(String paymentKey) {
        redis.zrem(keys.global("payments:due"), paymentKey);
    }

    /** The earliest payment due by {@code now}, leased for {@code lease} to the caller. */
    public Optional<String> claimDue(Instant now, Duration lease) {
        return DueSchedule.claim(redis, keys.global("payments:due"), now, lease, 1).stream().findFirst();
    }

    private String key(String paymentKey) {
        return keys.global("payment:" + paymentKey);
    }

    private String write(Payment payment) {
        try {
            return json.writeValueAsString(payment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Payment read(String stored) {
        try {
            return json.readValue(stored, Payment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable payment record", e);
        }
    }
}
