package csbot.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar bench/target/bench.jar [all|engine|e2e|alerts] [--name=value …]}: the dialog engine's cost per
 * update (JMH) and/or the balance journey end to end through the fake Bot API ({@code all}: both), or the alerts'
 * delivery rate through two bot instances ({@code alerts}), then a summary. See bench/README.md.
 */
public final class Bench {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("forks", "2");
        DEFAULTS.put("warmup-iterations", "8");
        DEFAULTS.put("warmup-time", "2");
        DEFAULTS.put("iterations", "5");
        DEFAULTS.put("time", "1");
        DEFAULTS.put("benchmarks", "balanceCard,bucketQueryOnly,languageMenu,help,storeOnly");
        DEFAULTS.put("chats", "2000");
        DEFAULTS.put("per-chat-rate", "0.5");
        DEFAULTS.put("warmup", "60");
        DEFAULTS.put("measure", "30");
        DEFAULTS.put("drain", "10");
        DEFAULTS.put("sender-global-per-second", "5000");
        DEFAULTS.put("bot-jar", "bot/target/csbot.jar");
        DEFAULTS.put("bot-jvm-args", "");
        DEFAULTS.put("bot-args", "");
        DEFAULTS.put("work-dir", "bench/target");
        DEFAULTS.put("profile", "false");
        DEFAULTS.put("alerts", "5000");
        DEFAULTS.put("alert-warmup", "500");
        DEFAULTS.put("alert-instances", "2");
        DEFAULTS.put("alerts-per-second", "25");
        DEFAULTS.put("telegram-limit", "30");
        DEFAULTS.put("events-per-second", "100");
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String part = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        if (!List.of("all", "engine", "e2e", "alerts").contains(part)) {
            usage("unknown part " + part);
            return;
        }
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                usage(null);
                return;
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (!options.containsKey(name)) {
                    usage("unknown option --" + name);
                    return;
                }
                options.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
            }
        }
        String loadBefore = loadAverage();
        if (part.equals("alerts")) {
            AlertLoad.Result alerts = new AlertLoad(new AlertLoad.Config(Integer.parseInt(options.get("alerts")),
                    Integer.parseInt(options.get("alert-warmup")),
                    Integer.parseInt(options.get("alert-instances")), Double.parseDouble(options.get("alerts-per-second")),
                    Integer.parseInt(options.get("telegram-limit")),
                    Double.parseDouble(options.get("events-per-second")), options.get("bot-jar"),
                    split(options.get("bot-args")), Path.of(options.get("work-dir")), Integer.parseInt(options.get("drain")) * 3)).run();
            alertSummary(alerts, loadBefore);
            if (alerts.lost() > 0 || alerts.duplicated() > 0) {
                System.exit(2);
            }
            return;
        }
        Collection<RunResult> engine = List.of();
        E2eLoad.Result e2e = null;
        if (!part.equals("e2e")) {
            engine = runEngine(options);
        }
        if (!part.equals("engine")) {
            e2e = new E2eLoad(new E2eLoad.Config(
                    Integer.parseInt(options.get("chats")), Double.parseDouble(options.get("per-chat-rate")),
                    Integer.parseInt(options.get("warmup")), Integer.parseInt(options.get("measure")),
                    Integer.parseInt(options.get("drain")), options.get("bot-jar"), split(options.get("bot-jvm-args")),
                    split(options.get("bot-args")), Double.parseDouble(options.get("sender-global-per-second")),
                    Path.of(options.get("work-dir")), Boolean.parseBoolean(options.get("profile")))).run();
        }
        summary(options, engine, e2e, loadBefore);
        if (e2e != null && (e2e.unanswered() > 0 || e2e.duplicates() > 0 || e2e.wrongReplies() > 0)) {
            System.exit(2);
        }
    }

    private static Collection<RunResult> runEngine(Map<String, String> options) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        for (String name : options.get("benchmarks").split(",")) {
            builder.include(EngineBench.class.getName() + "\\." + name.strip() + "$");
        }
        Options jmh = builder
                .forks(Integer.parseInt(options.get("forks")))
                .warmupIterations(Integer.parseInt(options.get("warmup-iterations")))
                .warmupTime(TimeValue.seconds(Integer.parseInt(options.get("warmup-time"))))
                .measurementIterations(Integer.parseInt(options.get("iterations")))
                .measurementTime(TimeValue.seconds(Integer.parseInt(options.get("time"))))
                .threads(1)
                .shouldFailOnError(true)
                .build();
        return new Runner(jmh).run();
    }

    private static void summary(Map<String, String> options, Collection<RunResult> engine, E2eLoad.Result e2e,
                                String loadBefore) {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder();
        out.append("\n==================== csbot bench summary ====================\n");
        out.append(String.format(Locale.ROOT, "machine: %d cores, Java %s, Redis 127.0.0.1:6379%n", cores,
                System.getProperty("java.version")));
        out.append(String.format(Locale.ROOT, "load average (1/5/15 min) before: %s, after: %s — anything else running "
                + "on the machine distorts these figures%n", loadBefore, loadAverage()));
        if (!engine.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nDialog engine, one update's turn (ChatTurns.run + DialogEngine, "
                    + "real Redis); JMH avgt, %s forks x %s x %ss (warm-up %s x %ss), 1 thread%n",
                    options.get("forks"), options.get("iterations"), options.get("time"),
                    options.get("warmup-iterations"), options.get("warmup-time")));
            out.append(String.format(Locale.ROOT, "  %-26s %12s %14s %16s%n", "case", "µs/update", "99.9% error",
                    "CPU µs/update*"));
            List<RunResult> sorted = new ArrayList<>(engine);
            sorted.sort((a, b) -> a.getParams().getBenchmark().compareTo(b.getParams().getBenchmark()));
            for (RunResult run : sorted) {
                Result<?> r = run.getPrimaryResult();
                String name = run.getParams().getBenchmark();
                Result<?> cpu = run.getSecondaryResults().get("cpuNanos");
                Result<?> ops = run.getSecondaryResults().get("ops");
                String cpuPerOp = cpu == null || ops == null || ops.getScore() == 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", cpu.getScore() / ops.getScore() / 1000);
                out.append(String.format(Locale.ROOT, "  %-26s %12.1f %14s %16s%n", name.substring(name.lastIndexOf('.') + 1),
                        r.getScore(), Double.isNaN(r.getScoreError()) ? "n/a"
                                : String.format(Locale.ROOT, "± %.1f", r.getScoreError()), cpuPerOp));
            }
            out.append("  (balanceCard includes the TMF654 bucket query, shown alone as bucketQueryOnly; "
                    + "storeOnly = lock/load + commit scripts)\n");
            out.append("  * CPU time of the benchmark thread per op: steadier than the wall time on a busy machine; it "
                    + "leaves out the Lettuce, HttpClient and simulator threads\n");
        }
        if (e2e != null) {
            out.append(String.format(Locale.ROOT, "%nBalance journey end to end (driver + simulator + emulator in one JVM, "
                    + "bot in another; both share the %d cores)%n", cores));
            out.append(String.format(Locale.ROOT, "  chats                        %d, each %.2f update/s (\"余额\" → balance card)%n",
                    e2e.chats(), e2e.config().perChatRate()));
            out.append(String.format(Locale.ROOT, "  offered                      %.0f updates/s; warm-up %d s, measured %d s%n",
                    e2e.offeredPerSecond(), e2e.config().warmupSeconds(), e2e.config().measureSeconds()));
            out.append(String.format(Locale.ROOT, "  answered                     %.0f updates/s (%d of %d measured updates answered)%n",
                    e2e.answeredPerSecond(), e2e.answered(), e2e.sent()));
            out.append(String.format(Locale.ROOT, "  latency enqueue → reply      p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    e2e.p50Ms(), e2e.p95Ms(), e2e.p99Ms(), e2e.maxMs()));
            out.append(String.format(Locale.ROOT, "  unanswered / duplicates      %d / %d   (unanswered: no reply within %d s after the "
                    + "window; replies that were not the card: %d)%n",
                    e2e.unanswered(), e2e.duplicates(), e2e.config().drainSeconds(), e2e.wrongReplies()));
            out.append(String.format(Locale.ROOT, "  CPU                          bot %.2f cores (%.2f ms/update), driver JVM %.2f cores "
                    + "(%.2f ms/update)%n", e2e.botCpuCores(), e2e.botCpuPerUpdateMs(), e2e.driverCpuCores(),
                    e2e.driverCpuPerUpdateMs()));
            out.append(String.format(Locale.ROOT, "  driver schedule lag (max)    %.1f ms%n", e2e.maxDriverLagMs()));
            out.append(String.format(Locale.ROOT, "  config                       csbot.sender.global-per-second=%s (raised for the "
                    + "benchmark; Telegram's own is ~30/s), per-chat 1 msg/s burst 3 (defaults)%n",
                    options.get("sender-global-per-second")));
            if (!options.get("bot-jvm-args").isBlank() || !options.get("bot-args").isBlank()) {
                out.append(String.format(Locale.ROOT, "                               bot JVM args [%s], bot args [%s]%n",
                        options.get("bot-jvm-args"), options.get("bot-args")));
            }
            out.append(String.format(Locale.ROOT, "  bot log                      %s%n", e2e.botLog()));
            boolean met = e2e.answeredPerSecond() >= 1000 && e2e.p99Ms() < 50 && e2e.unanswered() == 0
                    && e2e.duplicates() == 0;
            out.append(String.format(Locale.ROOT, "  target (≥ 1,000 updates/s answered, p99 < 50 ms, none lost or doubled): %s%n",
                    met ? "met" : "NOT met"));
        }
        out.append("=============================================================\n");
        System.out.print(out);
    }

    private static void alertSummary(AlertLoad.Result r, String loadBefore) {
        StringBuilder out = new StringBuilder();
        out.append("\n==================== csbot alerts bench summary ====================\n");
        out.append(String.format(Locale.ROOT, "machine: %d cores, Java %s; load average before: %s, after: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore,
                loadAverage()));
        out.append(String.format(Locale.ROOT, "  alerts                       %d low-balance events (measured) → %d bot instances "
                + "(csbot.alerts.global-per-second=%s, shared)%n", r.config().alerts(), r.config().instances(),
                r.config().perSecond()));
        out.append(String.format(Locale.ROOT, "  fake Bot API                 %d messages/s over all chats, 1 per chat; "
                + "429 with retry_after beyond%n", r.config().telegramLimit()));
        out.append(String.format(Locale.ROOT, "  events                       %.0f a second from the simulator; %d alerts queued "
                + "by the bots%n", r.config().eventsPerSecond(), r.queued()));
        out.append(String.format(Locale.ROOT, "  delivered                    %d in %.1f s, first to last%n", r.delivered(),
                r.seconds()));
        out.append(String.format(Locale.ROOT, "  achieved rate                %.2f alerts/s = %.1f %% of the configured "
                + "limit (%.1f %% of Telegram's %d/s)%n", r.achievedPerSecond(), 100 * r.shareOfConfigured(),
                100 * r.shareOfTelegram(), r.config().telegramLimit()));
        out.append(String.format(Locale.ROOT, "  steady rate                  %.2f alerts/s = %.1f %% of the configured "
                + "limit (without the first and last 5 %% of deliveries)%n", r.steadyPerSecond(),
                100 * r.steadyShareOfConfigured()));
        out.append(String.format(Locale.ROOT, "  429s received                %d (global %d, per chat %d); during the "
                + "warm-up (%d alerts before): %d%n", r.tooManyRequests().total(), r.tooManyRequests().global(),
                r.tooManyRequests().perChat(), r.config().warmup(), r.warmupTooManyRequests().total()));
        out.append(String.format(Locale.ROOT, "  lost / duplicated            %d / %d%n", r.lost(), r.duplicated()));
        out.append(String.format(Locale.ROOT, "  bot logs                     %s%n", r.botLogs()));
        boolean met = r.steadyShareOfConfigured() >= 0.95 && r.tooManyRequests().total() == 0 && r.lost() == 0
                && r.duplicated() == 0;
        out.append(String.format(Locale.ROOT, "  target (steady ≥ 95 %% of the limit, no 429, none lost or doubled): %s%n",
                met ? "met" : "NOT met"));
        out.append("====================================================================\n");
        System.out.print(out);
    }

    /** The 1, 5 and 15 minute load averages, where the OS tells them. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static List<String> split(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println(error);
        }
        System.err.println("usage: java -jar bench/target/bench.jar [all|engine|e2e|alerts] [--name=value …]; options "
                + "and defaults:");
        DEFAULTS.forEach((k, v) -> System.err.printf("  --%s=%s%n", k, v));
        if (error != null) {
            System.exit(1);
        }
    }
}
