package csbot.bench;

import csbot.backend.AccountBackend;
import csbot.backend.http.BackendClientConfig;
import csbot.backend.http.HttpAccountBackend;
import csbot.dialogs.balance.BalanceFlow;
import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.engine.DialogSettings;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Origin;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.language.LanguageFlow;
import csbot.dialogs.link.LinkFlow;
import csbot.dialogs.store.ChatStore;
import csbot.dialogs.store.ChatTurns;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.StateCodec;
import csbot.dialogs.store.StoreSettings;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import csbot.dialogs.store.LuaScript;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One update's turn through {@code ChatTurns.run(inbound, engine::step)}: lock + load script, the real
 * {@link DialogEngine} with the real flows, commit script — against the Redis at 127.0.0.1:6379 and an in-process
 * simulator over HTTP. Every op uses the next of {@value #CHATS} chats (all linked to the same demo line) and a new
 * update id, so no op waits on another's lock and none is a duplicate. Keys live under their own prefix and are
 * deleted at the end of the trial.
 *
 * <ul>
 *   <li>{@code balanceCard}: "余额" from a linked customer: the balance flow, including the TMF654 bucket query;</li>
 *   <li>{@code bucketQueryOnly}: that bucket query alone (HTTP to the in-process simulator), to subtract;</li>
 *   <li>{@code languageMenu}: /language — a flow's state machine, no backend call;</li>
 *   <li>{@code help}: /help — the engine without any state machine or backend call;</li>
 *   <li>{@code storeOnly}: lock + load + commit with a handler that changes nothing: Redis and JSON alone;</li>
 *   <li>{@code gateHelp}: /help as the gate runs it, the user's rate limit counted by the lock script;
 *       {@code gateHelpSeparateRateLimit}: the same with the rate limit in a script of its own, as the gate did
 *       before (not in the default set).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBench {

    static final String REDIS_URL = "redis://127.0.0.1:6379";
    static final int CHATS = 4096;
    /** The simulator's first demo line (Wei Zhang's UK SIM). */
    static final String MSISDN = "+447400123123";

    @State(Scope.Benchmark)
    public static class Rig {

        final String prefix = "bench:" + UUID.randomUUID() + ":";
        Simulator sim;
        RedisClient redisClient;
        StatefulRedisConnection<String, String> redis;
        AccountBackend backend;
        DialogEngine engine;
        ChatTurns turns;
        KeySpace keys;
        long firstChat;
        long chatCursor;
        long updateIds;

        @Setup(Level.Trial)
        public void start() {
            sim = Simulator.start(SimulatorConfig.defaults());
            backend = new HttpAccountBackend(BackendClientConfig.defaults(sim.baseUrl()));
            engine = new DialogEngine(List.of(new BalanceFlow(backend), new LinkFlow(backend), new LanguageFlow()),
                    DialogSettings.defaults(), Clock.systemUTC());
            redisClient = RedisClient.create(REDIS_URL);
            redis = redisClient.connect();
            keys = new KeySpace(prefix);
            ChatStore store = new ChatStore(redis.sync(), keys, StoreSettings.defaults(), new NonceSource(6),
                    System::currentTimeMillis);
            turns = new ChatTurns(store, StoreSettings.defaults());
            firstChat = 900_000_000L + (System.nanoTime() & 0xFFFFF) * 8;
            updateIds = 1_000_000L;
            String profile = new StateCodec().write(new UserProfile(UserProfile.SCHEMA, "", List.of(
                    new LinkedLine(MSISDN, "contact", System.currentTimeMillis())), 0));
            for (int i = 0; i < CHATS; i++) {
                redis.sync().set(keys.profile(firstChat + i), profile);
            }
            // a wrong set-up must not be measured: the first turn has to show the card
            ChatTurns.Outcome first = turn(new Inbound.Text(nextOrigin(), "余额"));
            if (!(first instanceof ChatTurns.Handled handled) || handled.out().isEmpty()
                    || !(handled.out().get(0) instanceof Outbound.Say say) || !say.text().contains("£12.50")) {
                throw new IllegalStateException("the balance turn did not show the card: " + first);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            RedisKeys.deleteByPrefix(redis.sync(), prefix);
            redis.close();
            redisClient.shutdown();
            sim.close();
        }

        Origin nextOrigin() {
            long chat = firstChat + (chatCursor++ % CHATS);
            return new Origin(++updateIds, chat, chat, "Bench", "zh-hans");
        }

        ChatTurns.Outcome turn(Inbound inbound) {
            return turns.run(inbound, engine::step);
        }

        /** A per-user rate limit as the gate sets it, with a limit no benchmark reaches. */
        ChatStore.Quota quota(long userId) {
            return new ChatStore.Quota(keys.chatKey(userId, "rate"), Duration.ofSeconds(10), 1_000_000);
        }
    }

    /**
     * CPU time of the benchmark thread and ops, per iteration; the summary divides one by the other. Unlike the
     * average time, this hardly moves when other processes compete for the cores (it leaves out what the Lettuce,
     * HttpClient and simulator threads spend).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long cpuNanos;
        public long ops;
        private long startedAt;

        @Setup(Level.Iteration)
        public void start() {
            cpuNanos = 0;
            ops = 0;
            startedAt = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - startedAt;
        }
    }

    @Benchmark
    public ChatTurns.Outcome balanceCard(Rig rig, Cpu cpu) {
        cpu.ops++;
        return rig.turn(new Inbound.Text(rig.nextOrigin(), "余额"));
    }

    @Benchmark
    public Object bucketQueryOnly(Rig rig, Cpu cpu) {
        cpu.ops++;
        return rig.backend.buckets(MSISDN);
    }

    @Benchmark
    public ChatTurns.Outcome languageMenu(Rig rig, Cpu cpu) {
        cpu.ops++;
        return rig.turn(new Inbound.Command(rig.nextOrigin(), "language", ""));
    }

    @Benchmark
    public ChatTurns.Outcome help(Rig rig, Cpu cpu) {
        cpu.ops++;
        return rig.turn(new Inbound.Command(rig.nextOrigin(), "help", ""));
    }

    /** The rate-limit script the gate ran before each turn until the lock script took over the count. */
    private static final LuaScript SEPARATE_RATE_LIMIT = new LuaScript("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, ScriptOutputType.INTEGER);

    @Benchmark
    public ChatTurns.Outcome gateHelp(Rig rig, Cpu cpu) {
        cpu.ops++;
        Origin origin = rig.nextOrigin();
        return rig.turns.run(new Inbound.Command(origin, "help", ""), rig.quota(origin.userId()), rig.engine::step);
    }

    @Benchmark
    public ChatTurns.Outcome gateHelpSeparateRateLimit(Rig rig, Cpu cpu) {
        cpu.ops++;
        Origin origin = rig.nextOrigin();
        Long count = SEPARATE_RATE_LIMIT.run(rig.redis.sync(), new String[]{rig.keys.chatKey(origin.userId(), "rate")},
                "10000");
        if (count < 0) {
            throw new IllegalStateException();
        }
        return rig.turn(new Inbound.Command(origin, "help", ""));
    }

    @Benchmark
    public ChatTurns.Outcome storeOnly(Rig rig, Cpu cpu) {
        cpu.ops++;
        return rig.turns.run(new Inbound.Text(rig.nextOrigin(), "余额"),
                (Conversation c, Inbound i) -> new Conversation.Turned(c.session(), c.profile(), List.of()));
    }
}
