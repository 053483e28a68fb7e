package csbot.dialogs.topup;

import csbot.dialogs.store.KeySpace;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up schedule against the real Redis on 127.0.0.1:6379. Failure case covered: an instance that dies while
 * following payments (a crash or a deploy) — it must hold only the payment it was working on, and only for a lease.
 */
class PaymentLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(20);

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;

    private final KeySpace keys = new KeySpace("test:" + UUID.randomUUID() + ":");
    private final PaymentLedger ledger = new PaymentLedger(redis, keys, Duration.ofMinutes(5));

    @BeforeAll
    static void connect() {
        client = RedisClient.create("redis://127.0.0.1:6379");
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterEach
    void removeKeys() {
        redis.del(keys.global("payments:due"));
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
    }

    @Test
    void claimsTheEarliestDuePaymentOneAtATimeAndNothingNotYetDue() {
        ledger.dueAt("charge-b", NOW.minusSeconds(5));
        ledger.dueAt("charge-a", NOW.minusSeconds(10));
        ledger.dueAt("charge-later", NOW.plusSeconds(30));

        assertThat(ledger.claimDue(NOW, LEASE)).contains("charge-a");
        assertThat(ledger.claimDue(NOW, LEASE)).contains("charge-b");
        assertThat(ledger.claimDue(NOW, LEASE)).as("charge-later is not due yet").isEmpty();
    }

    @Test
    void aClaimedPaymentIsNobodyElsesUntilItsLeaseRunsOutThenAnyInstanceTakesItAgain() {
        ledger.dueAt("charge-a", NOW);
        ledger.dueAt("charge-b", NOW);

        assertThat(ledger.claimDue(NOW, LEASE)).as("the instance that then dies").contains("charge-a");
        // the other instance, a moment later: charge-b was never claimed, so it is not stranded with charge-a
        assertThat(ledger.claimDue(NOW.plusSeconds(1), LEASE)).contains("charge-b");
        assertThat(ledger.claimDue(NOW.plusSeconds(2), LEASE)).as("charge-a within its lease").isEmpty();
        assertThat(ledger.claimDue(NOW.plus(LEASE), LEASE)).as("charge-a once its lease ran out").contains("charge-a");
    }

    @Test
    void aSettledPaymentIsNoLongerClaimed() {
        ledger.dueAt("charge-a", NOW);
        ledger.settled("charge-a");

        assertThat(ledger.claimDue(NOW.plusSeconds(60), LEASE)).isEmpty();
    }
}
