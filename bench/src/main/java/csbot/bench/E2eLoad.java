package csbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import csbot.emulator.BotMethod;
import csbot.emulator.EmulatorConfig;
import csbot.emulator.FakeUser;
import csbot.emulator.TelegramEmulator;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The balance journey end to end: the simulator and the Telegram emulator run here, the real bot runs as its own
 * process ({@code java -jar bot/target/csbot.jar}) long-polling the emulator. N customers, each with a line of their
 * own, link it by sharing their contact; then every chat says "余额" once every {@code 1/perChatRate} seconds, spread
 * evenly over time (open loop: the schedule does not wait for answers), and each reply the bot posts to the
 * emulator's sendMessage is matched with its chat's oldest unanswered update. Latency runs from just before the
 * update is enqueued at the emulator to the moment the emulator has stored the bot's reply.
 */
final class E2eLoad {

    /** What the balance card says in Chinese, and what only the card says. */
    private static final String CARD_MARK = "余额：";
    private static final String LINKED_MARK = "绑定成功";

    record Config(int chats, double perChatRate, int warmupSeconds, int measureSeconds, int drainSeconds,
                  String botJar, List<String> botJvmArgs, List<String> botArgs, double senderGlobalPerSecond,
                  Path workDir, boolean profile) {
    }

    record Result(Config config, int chats, double offeredPerSecond, long sent, long answered, double answeredPerSecond,
                  double p50Ms, double p95Ms, double p99Ms, double maxMs, long unanswered, long duplicates,
                  long wrongReplies, double maxDriverLagMs, double botCpuPerUpdateMs, double driverCpuPerUpdateMs,
                  double botCpuCores, double driverCpuCores, String botLog) {
    }

    /** One chat's updates still waiting for a reply, oldest first: {send nanos, measured ? 1 : 0}. */
    private static final class Chat {
        final FakeUser user;
        final String msisdn;
        final ArrayDeque<long[]> pending = new ArrayDeque<>();
        int linkReplies;
        boolean linked;

        Chat(FakeUser user, String msisdn) {
            this.user = user;
            this.msisdn = msisdn;
        }
    }

    private enum Phase { LINK, LOAD }

    private final Config config;
    private final Map<Long, Chat> chats = new ConcurrentHashMap<>();
    private volatile Phase phase = Phase.LINK;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong wrongReplies = new AtomicLong();
    private final AtomicLong answeredMeasured = new AtomicLong();
    private final AtomicLong repliesInWindow = new AtomicLong();
    private long[] latencies = new long[1 << 16];
    private int latencyCount;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    E2eLoad(Config config) {
        this.config = config;
    }

    Result run() throws Exception {
        // the simulator's JDK HttpServer may start first: both servers need TCP_NODELAY (see telegram-emulator README)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String prefix = "bench:" + UUID.randomUUID() + ":";
        Files.createDirectories(config.workDir());
        Path botLog = config.workDir().resolve("e2e-bot.log");
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults());
             TelegramEmulator telegram = TelegramEmulator.start(EmulatorConfig.defaults())) {
            recordReplies(telegram, "sendMessage");
            recordReplies(telegram, "editMessageText");
            log("simulator at %s, Telegram emulator at %s", sim.baseUrl(), telegram.baseUrl());
            createLines(sim.baseUrl());
            Process bot = startBot(telegram, sim.baseUrl(), prefix, botLog);
            try {
                awaitPolling(telegram, bot);
                link(telegram);
                return load(bot, botLog);
            } finally {
                stopBot(bot);
                cleanRedis(prefix);
            }
        }
    }

    // ---- set-up

    /** One customer with one line per chat: +44 7400 5xxxxx, GBP 10.00, 1 GB, 100 min, 50 SMS. */
    private void createLines(URI sim) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long firstUser = 800_000_000L + (System.nanoTime() % 1_000_000L) * 100;
        for (int i = 0; i < config.chats(); i++) {
            String msisdn = String.format(Locale.ROOT, "+4474005%05d", i);
            String body = String.format(Locale.ROOT, """
                    {"name": "Bench User %d", "email": "bench%d@example.com", "alternateNumber": "+447400123999",
                     "lines": [{"msisdn": "%s", "currency": "GBP", "balance": 10.00,
                                "dataMb": 1024, "voiceMin": 100, "sms": 50}]}""", i, i, msisdn);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(sim.resolve("sim/admin/customers"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("simulator refused line " + msisdn + ": " + response.statusCode()
                        + " " + response.body());
            }
            long userId = firstUser + i;
            chats.put(userId, new Chat(null, msisdn));
        }
        log("%d customers created in the simulator", config.chats());
    }

    private Process startBot(TelegramEmulator telegram, URI sim, String prefix, Path botLog) throws IOException {
        File jar = new File(config.botJar());
        if (!jar.isFile()) {
            throw new IllegalStateException(jar.getAbsolutePath() + " not found: build it first (./mvnw -B -q "
                    + "-DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.botJvmArgs());
        command.add("-jar");
        command.add(jar.getAbsolutePath());
        command.add("--csbot.telegram.token=" + telegram.token());
        command.add("--csbot.telegram.api-url=" + telegram.baseUrl());
        command.add("--csbot.telegram.mode=polling");
        command.add("--csbot.backend.base-url=" + sim);
        command.add("--csbot.redis.url=" + EngineBench.REDIS_URL);
        command.add("--csbot.redis.key-prefix=" + prefix);
        command.add("--csbot.sender.global-per-second=" + (long) config.senderGlobalPerSecond());
        command.add("--server.port=0");
        command.addAll(config.botArgs());
        log("bot: %s", String.join(" ", command.subList(1, command.size())).replace(telegram.token(), "<token>"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(botLog.toFile())).start();
    }

    private void awaitPolling(TelegramEmulator telegram, Process bot) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (telegram.calls("getUpdates").isEmpty()) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited with " + bot.exitValue() + "; see its log");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not poll within 90 s; see its log");
            }
            Thread.sleep(100);
        }
        telegram.clearCalls();
        log("bot is polling");
    }

    /** Every chat shares its own contact and must hear "linked" (and "what next?"). */
    private void link(TelegramEmulator telegram) throws InterruptedException {
        long started = System.nanoTime();
        int i = 0;
        for (Map.Entry<Long, Chat> entry : List.copyOf(chats.entrySet())) {
            Chat blank = entry.getValue();
            FakeUser user = telegram.user(entry.getKey(), "Bench" + i, "zh-hans")
                    .withPhoneNumber(blank.msisdn.substring(1));
            Chat chat = new Chat(user, blank.msisdn);
            chats.put(entry.getKey(), chat);
            user.shareContact(blank.msisdn.substring(1));
            if (++i % 200 == 0) {
                Thread.sleep(50);  // a burst of contacts, not a flood: linking is not what is measured
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            long done = chats.values().stream().filter(c -> {
                synchronized (c) {
                    return c.linkReplies >= 2;
                }
            }).count();
            if (done == chats.size()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                Chat stuck = chats.values().stream().filter(c -> c.linkReplies < 2).findFirst().orElseThrow();
                throw new IllegalStateException((chats.size() - done) + " chats not linked within 120 s, e.g.\n"
                        + stuck.user.transcript());
            }
            Thread.sleep(100);
        }
        long notLinked = chats.values().stream().filter(c -> !c.linked).count();
        if (notLinked > 0) {
            Chat bad = chats.values().stream().filter(c -> !c.linked).findFirst().orElseThrow();
            throw new IllegalStateException(notLinked + " chats did not hear \"" + LINKED_MARK + "\", e.g.\n"
                    + bad.user.transcript());
        }
        log("%d chats linked in %.1f s", chats.size(), (System.nanoTime() - started) / 1e9);
        Thread.sleep(1500);  // let the per-chat send pacing of the link replies run out
    }

    // ---- the measured load

    private Result load(Process bot, Path botLog) throws InterruptedException {
        Chat[] order = chats.values().toArray(Chat[]::new);
        int n = order.length;
        double perSecond = n * config.perChatRate();
        double gapNanos = 1e9 / perSecond;
        long warmupSlots = (long) (config.warmupSeconds() * perSecond);
        long totalSlots = (long) ((config.warmupSeconds() + config.measureSeconds()) * perSecond);
        log("load: %d chats x %.2f/s = %.0f updates/s offered; warm-up %d s, measured %d s", n,
                config.perChatRate(), perSecond, config.warmupSeconds(), config.measureSeconds());
        phase = Phase.LOAD;
        long start = System.nanoTime() + 100_000_000L;
        long maxLag = 0;
        long botCpuAtWindow = 0;
        long driverCpuAtWindow = 0;
        long sent = 0;
        for (long slot = 0; slot < totalSlots; slot++) {
            long due = start + (long) (slot * gapNanos);
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            if (slot == warmupSlots) {
                if (config.profile()) {
                    startProfiling(bot);
                }
                windowStart = now;
                botCpuAtWindow = cpuNanos(bot);
                driverCpuAtWindow = driverCpuNanos();
            }
            boolean measured = slot >= warmupSlots;
            if (measured) {
                maxLag = Math.max(maxLag, now - due);
                sent++;
            }
            Chat chat = order[(int) (slot % n)];
            synchronized (chat) {
                chat.pending.add(new long[]{System.nanoTime(), measured ? 1 : 0});
            }
            chat.user.sendText("余额");
        }
        windowEnd = System.nanoTime();
        long botCpu = cpuNanos(bot) - botCpuAtWindow;
        long driverCpu = driverCpuNanos() - driverCpuAtWindow;
        if (config.profile()) {
            stopProfiling(bot);
        }
        double window = (windowEnd - windowStart) / 1e9;
        long repliesDuringWindow = repliesInWindow.get();
        log("sent; waiting up to %d s for the last replies", config.drainSeconds());
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.drainSeconds());
        while (System.nanoTime() < drainDeadline && pendingCount() > 0) {
            Thread.sleep(50);
        }
        Thread.sleep(500);  // late duplicates show up here
        long unanswered = pendingCount();
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(latencies, latencyCount);
        }
        Arrays.sort(sorted);
        return new Result(config, n, perSecond, sent, answeredMeasured.get(), repliesDuringWindow / window,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                unanswered, duplicates.get(), wrongReplies.get(), maxLag / 1e6,
                botCpu / 1e6 / Math.max(1, repliesDuringWindow), driverCpu / 1e6 / Math.max(1, repliesDuringWindow),
                botCpu / 1e9 / window, driverCpu / 1e9 / window, botLog.toString());
    }

    // ---- --profile: JFR of both JVMs over the measured window

    private Recording driverRecording;

    /** JFR's "profile" settings, but sampling Java stacks every millisecond instead of every 10 ms. */
    private void startProfiling(Process bot) {
        try {
            String settings = Configuration.getConfiguration("profile").getContents().replaceFirst(
                    "(?s)(<event name=\"jdk.ExecutionSample\">.*?<setting name=\"period\"[^>]*>)[^<]*", "$11 ms");
            Path jfc = config.workDir().resolve("bench-profile.jfc").toAbsolutePath();
            Files.writeString(jfc, settings);
            jcmd(bot, "JFR.start", "name=bench", "settings=" + jfc);
            driverRecording = new Recording(Configuration.create(jfc));
            driverRecording.start();
        } catch (IOException | ParseException e) {
            log("JFR not started: %s", e);
        }
    }

    private void stopProfiling(Process bot) {
        Path botJfr = config.workDir().resolve("e2e-bot.jfr").toAbsolutePath();
        jcmd(bot, "JFR.stop", "name=bench", "filename=" + botJfr);
        if (driverRecording != null) {
            Path driverJfr = config.workDir().resolve("e2e-driver.jfr").toAbsolutePath();
            try {
                driverRecording.dump(driverJfr);
            } catch (IOException e) {
                log("driver JFR not written: %s", e);
            }
            driverRecording.close();
            log("profiles of the measured window: %s, %s (jfr print --events jdk.ExecutionSample …)", botJfr,
                    driverJfr);
        }
    }

    private static void jcmd(Process process, String... command) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(process.pid()));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                log("jcmd %s failed", String.join(" ", command));
            }
        } catch (IOException e) {
            log("jcmd not run: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long pendingCount() {
        long count = 0;
        for (Chat chat : chats.values()) {
            synchronized (chat) {
                count += chat.pending.size();
            }
        }
        return count;
    }

    /** Wraps an emulator method so every reply the bot posts is seen after the emulator stored it. */
    private void recordReplies(TelegramEmulator telegram, String method) {
        BotMethod original = telegram.method(method).orElseThrow();
        telegram.registerMethod(method, call -> {
            JsonNode result = original.handle(call);
            onReply(call.chatId(), call.text("text"), System.nanoTime());
            return result;
        });
    }

    private void onReply(long chatId, String text, long now) {
        Chat chat = chats.get(chatId);
        if (chat == null) {
            return;
        }
        if (phase == Phase.LINK) {
            synchronized (chat) {
                chat.linkReplies++;
                chat.linked |= text != null && text.contains(LINKED_MARK);
            }
            return;
        }
        long[] update;
        synchronized (chat) {
            update = chat.pending.poll();
        }
        if (now >= windowStart && now < windowEnd) {
            repliesInWindow.incrementAndGet();
        }
        if (update == null) {
            duplicates.incrementAndGet();
            return;
        }
        if (text == null || !text.contains(CARD_MARK)) {
            wrongReplies.incrementAndGet();
        }
        if (update[1] == 1) {
            answeredMeasured.incrementAndGet();
            addLatency(now - update[0]);
        }
    }

    private synchronized void addLatency(long nanos) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = nanos;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // ---- tear-down

    static void stopBot(Process bot) throws InterruptedException {
        bot.destroy();  // SIGTERM: graceful shutdown
        if (!bot.waitFor(20, TimeUnit.SECONDS)) {
            bot.destroyForcibly();
            bot.waitFor(5, TimeUnit.SECONDS);
        }
    }

    static void cleanRedis(String prefix) {
        RedisClient client = RedisClient.create(EngineBench.REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            long deleted = RedisKeys.deleteByPrefix(connection.sync(), prefix);
            log("%d Redis keys under %s removed", deleted, prefix);
        } finally {
            client.shutdown();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[e2e] " + format + "%n", args);
    }
}
