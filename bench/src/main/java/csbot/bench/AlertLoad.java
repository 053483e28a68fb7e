package csbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import csbot.emulator.BotMethod;
import csbot.emulator.EmulatorConfig;
import csbot.emulator.LimitStats;
import csbot.emulator.RateLimits;
import csbot.emulator.TelegramEmulator;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alerts at Telegram's full rate: the simulator and a Telegram emulator that enforces {@code telegramLimit}
 * messages/s over all chats and 1 per chat (429 with retry_after beyond) run here; {@code instances} real bots run
 * as their own processes ({@code java -jar bot/target/csbot.jar}), each subscribed to the simulator's events and each
 * with its dispatchers. Every one of {@code alerts} lines belongs to a chat of its own (the alerts' line index is
 * seeded in Redis as linking would write it); the driver drains every line ({@code POST /sim/admin/drain}), the
 * simulator sends each a signed low-balance event to every bot, and the bots must deliver exactly one alert per chat.
 */
final class AlertLoad {

    private static final String MARK = "余额不足";
    private static final int LINES_PER_CUSTOMER = 100;

    /** @param warmup alerts sent (and waited for) before the measured ones, to lines of their own: the bots' JIT */
    record Config(int alerts, int warmup, int instances, double perSecond, int telegramLimit, double eventsPerSecond,
                  String botJar, List<String> botArgs, Path workDir, int drainSeconds) {
    }

    /**
     * @param queued            alerts the bots put on their queue (received minus deduplicated, from their metrics),
     *                          warm-up included
     * @param achievedPerSecond alerts delivered per second, first to last delivery
     * @param steadyPerSecond   the same without the first and last 5 % of deliveries (the bots' JIT warm-up, the tail)
     * @param tooManyRequests   429s the emulator answered (by its limits; none injected) to the measured alerts
     * @param warmupTooManyRequests the same during the warm-up
     * @param lost              chats that got no alert
     * @param duplicated        alerts beyond the first in a chat
     */
    record Result(Config config, long queued, long delivered, double seconds, double achievedPerSecond,
                  double steadyPerSecond, LimitStats tooManyRequests, LimitStats warmupTooManyRequests, long lost,
                  long duplicated, List<Path> botLogs) {

        double shareOfConfigured() {
            return achievedPerSecond / config.perSecond();
        }

        double steadyShareOfConfigured() {
            return steadyPerSecond / config.perSecond();
        }

        double shareOfTelegram() {
            return achievedPerSecond / config.telegramLimit();
        }
    }

    private final Config config;
    private final Map<Long, AtomicInteger> perChat = new ConcurrentHashMap<>();
    /** The chats whose alerts are measured; the warm-up's are counted apart. */
    private volatile Set<Long> measured = Set.of();
    private final AtomicLong warmedUp = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final Queue<Long> deliveredAt = new ConcurrentLinkedQueue<>();

    AlertLoad(Config config) {
        this.config = config;
    }

    Result run() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String prefix = "bench:" + UUID.randomUUID() + ":";
        Files.createDirectories(config.workDir());
        EmulatorConfig emulator = EmulatorConfig.defaults()
                .withLimits(RateLimits.of(1, config.telegramLimit()))
                .withCallLogLimit(1000);
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults());
             TelegramEmulator telegram = TelegramEmulator.start(emulator)) {
            log("simulator at %s, Telegram emulator at %s (%d messages/s, 1 per chat)", sim.baseUrl(),
                    telegram.baseUrl(), config.telegramLimit());
            recordAlerts(telegram);
            Map<String, Long> all = createLines(sim.baseUrl(), config.warmup() + config.alerts());
            seedLineIndex(prefix, all);
            Map<String, Long> warm = new LinkedHashMap<>();
            Map<String, Long> chats = new LinkedHashMap<>();
            all.forEach((msisdn, chat) -> (warm.size() < config.warmup() ? warm : chats).put(msisdn, chat));
            measured = Set.copyOf(chats.values());
            List<Process> bots = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            try {
                for (int n = 1; n <= config.instances(); n++) {
                    Path botLog = config.workDir().resolve("alerts-bot-" + n + ".log");
                    logs.add(botLog);
                    int port = freePort();
                    ports.add(port);
                    bots.add(startBot(telegram, sim.baseUrl(), prefix, botLog, port));
                }
                for (int n = 0; n < bots.size(); n++) {
                    awaitSubscribed(bots.get(n), logs.get(n));
                }
                drainAll(sim.baseUrl(), warm.keySet(), config.eventsPerSecond());
                awaitWarmup(warm.size());
                LimitStats beforeMeasuring = telegram.limitStats();
                drainAll(sim.baseUrl(), chats.keySet(), config.eventsPerSecond());
                return measure(telegram, chats, logs, ports, beforeMeasuring);
            } finally {
                for (Process bot : bots) {
                    E2eLoad.stopBot(bot);
                }
                E2eLoad.cleanRedis(prefix);
            }
        }
    }

    /** One simulator customer per hundred lines: +44 7400 6xxxxx, GBP 12.50; each line's chat id. */
    private Map<String, Long> createLines(URI sim, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long firstChat = 900_000_000L + (System.nanoTime() % 1_000_000L) * 100;
        Map<String, Long> chats = new LinkedHashMap<>();
        for (int from = 0; from < count; from += LINES_PER_CUSTOMER) {
            List<String> lines = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + LINES_PER_CUSTOMER); i++) {
                String msisdn = String.format(Locale.ROOT, "+4474006%05d", i);
                lines.add("{\"msisdn\": \"" + msisdn + "\", \"currency\": \"GBP\", \"balance\": 12.50}");
                chats.put(msisdn, firstChat + i);
            }
            String body = "{\"name\": \"Alert Bench " + from + "\", \"lines\": [" + String.join(",", lines) + "]}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(sim.resolve("sim/admin/customers"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("simulator refused lines: " + response.statusCode() + " "
                        + response.body());
            }
        }
        log("%d lines created in the simulator", chats.size());
        return chats;
    }

    /** What linking a line writes for alerts ({@code AlertSettingsStore.linked}): the line's chat. */
    private static void seedLineIndex(String prefix, Map<String, Long> chats) {
        RedisClient client = RedisClient.create(EngineBench.REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            chats.forEach((msisdn, chat) -> redis.sadd(prefix + "alerts:line:" + msisdn, Long.toString(chat)));
        } finally {
            client.shutdown();
        }
    }

    private Process startBot(TelegramEmulator telegram, URI sim, String prefix, Path botLog, int port)
            throws IOException {
        File jar = new File(config.botJar());
        if (!jar.isFile()) {
            throw new IllegalStateException(jar.getAbsolutePath() + " not found: build it first (./mvnw -B -q "
                    + "-DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.getAbsolutePath(),
                "--csbot.telegram.token=" + telegram.token(),
                "--csbot.telegram.api-url=" + telegram.baseUrl(),
                // no updates to take here, only alerts to send: webhook mode without a registered webhook
                "--csbot.telegram.mode=webhook",
                "--csbot.telegram.webhook-secret=" + UUID.randomUUID(),
                "--csbot.backend.base-url=" + sim,
                "--csbot.backend.hub.secret=" + SimulatorConfig.DEFAULT_HUB_SECRET,
                "--csbot.backend.hub.callback-url=auto",
                "--csbot.redis.url=" + EngineBench.REDIS_URL,
                "--csbot.redis.key-prefix=" + prefix,
                "--csbot.alerts.global-per-second=" + config.perSecond(),
                // the run must not depend on the time of day it is started at
                "--csbot.alerts.default-quiet-hours=off",
                "--server.port=" + port));
        command.addAll(config.botArgs());
        log("bot: %s", String.join(" ", command.subList(1, command.size())).replace(telegram.token(), "<token>"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(botLog.toFile())).start();
    }

    private static void awaitSubscribed(Process bot, Path botLog) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(botLog).contains("subscribed to the backend's events")) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("a bot exited with " + bot.exitValue() + "; see " + botLog);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a bot did not subscribe within 90 s; see " + botLog);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Every line below its threshold, {@code perSecond} of them a second (a backend's stream of warnings, far faster
     * than alerts may go out, so the queue only grows while it lasts).
     */
    private static void drainAll(URI sim, Set<String> msisdns, double perSecond) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<Void>>> calls = new ArrayList<>();
            long start = System.nanoTime();
            long n = 0;
            for (String msisdn : msisdns) {
                long due = start + (long) (n++ * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                calls.add(pool.submit(() -> http.send(HttpRequest.newBuilder(sim.resolve("sim/admin/drain"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"msisdn\": \"" + msisdn + "\"}")).build(),
                        HttpResponse.BodyHandlers.discarding())));
            }
            for (Future<HttpResponse<Void>> call : calls) {
                if (call.get().statusCode() != 200) {
                    throw new IllegalStateException("drain answered " + call.get().statusCode());
                }
            }
        } finally {
            pool.shutdown();
        }
        log("%d lines drained, %.0f a second", msisdns.size(), perSecond);
    }

    /** Counts each alert as the emulator stores it: cheap enough not to disturb the emulator it measures. */
    private void recordAlerts(TelegramEmulator telegram) {
        BotMethod original = telegram.method("sendMessage").orElseThrow();
        telegram.registerMethod("sendMessage", call -> {
            JsonNode result = original.handle(call);
            if (call.text("text") != null && call.text("text").contains(MARK) && !measured.contains(call.chatId())) {
                warmedUp.incrementAndGet();
            } else if (call.text("text") != null && call.text("text").contains(MARK)) {
                long now = System.nanoTime();
                perChat.computeIfAbsent(call.chatId(), chat -> new AtomicInteger()).incrementAndGet();
                delivered.incrementAndGet();
                firstNanos.compareAndSet(0, now);
                lastNanos.accumulateAndGet(now, Math::max);
                deliveredAt.add(now);
            }
            return result;
        });
    }

    private void awaitWarmup(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.drainSeconds() + count / 10L);
        while (warmedUp.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        log("warm-up: %d of %d alerts delivered", warmedUp.get(), count);
    }

    /** Waits until every chat has its alert, or nothing more arrives for {@code drainSeconds}; then counts. */
    private Result measure(TelegramEmulator telegram, Map<String, Long> chats, List<Path> logs, List<Integer> ports,
                           LimitStats beforeMeasuring) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long seen = 0;
        long nextReport = 500;
        while (delivered.get() < chats.size()) {
            long now = delivered.get();
            if (now > seen) {
                seen = now;
                lastProgress = System.nanoTime();
                if (now >= nextReport) {
                    log("%d of %d alerts delivered", now, chats.size());
                    nextReport += 500;
                }
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(config.drainSeconds())) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(2000); // a late duplicate would show now
        long lost = chats.values().stream().filter(chat -> !perChat.containsKey(chat)).count();
        long duplicated = chats.values().stream().map(perChat::get).filter(n -> n != null)
                .mapToLong(n -> n.get() - 1L).sum();
        double seconds = (lastNanos.get() - firstNanos.get()) / 1e9;
        double rate = delivered.get() > 1 ? (delivered.get() - 1) / seconds : 0;
        long[] times = deliveredAt.stream().mapToLong(Long::longValue).sorted().toArray();
        int skip = times.length / 20;
        double steady = times.length > 2 * skip + 1
                ? (times.length - 2 * skip - 1) / ((times[times.length - 1 - skip] - times[skip]) / 1e9) : 0;
        long queued = 0;
        for (int port : ports) {
            queued += metric(port, "csbot_alerts_received_total") - metric(port, "csbot_alerts_deduplicated_total");
        }
        LimitStats after = telegram.limitStats();
        LimitStats measuredLimits = new LimitStats(after.perChat() - beforeMeasuring.perChat(),
                after.global() - beforeMeasuring.global(), after.injected() - beforeMeasuring.injected());
        return new Result(config, queued, delivered.get(), seconds, rate, steady, measuredLimits, beforeMeasuring, lost,
                duplicated, logs);
    }

    /** A counter from a bot's Prometheus endpoint; 0 when absent. */
    private static long metric(int port, String name) throws InterruptedException {
        try {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[alerts] " + format + "%n", args);
    }
}
