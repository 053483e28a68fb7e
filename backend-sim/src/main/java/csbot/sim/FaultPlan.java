package csbot.sim;

/**
 * What to do wrong on contract endpoints. Also the JSON body of {@code POST /sim/admin/faults}.
 *
 * @param latencyMs        delay before the request is processed
 * @param errorRate        share of requests answered 503 without being processed (0..1)
 * @param dropResponseRate share of requests processed but answered with nothing — the connection is just closed (0..1)
 * @param pathPrefix       only requests whose path starts with this; empty for all
 */
public record FaultPlan(long latencyMs, double errorRate, double dropResponseRate, String pathPrefix) {

    public FaultPlan {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative");
        }
        requireRate("errorRate", errorRate);
        requireRate("dropResponseRate", dropResponseRate);
        pathPrefix = pathPrefix == null ? "" : pathPrefix;
    }

    public static FaultPlan none() {
        return new FaultPlan(0, 0, 0, "");
    }

    public static FaultPlan latency(long latencyMs, String pathPrefix) {
        return new FaultPlan(latencyMs, 0, 0, pathPrefix);
    }

    public static FaultPlan errors(double errorRate, String pathPrefix) {
        return new FaultPlan(0, errorRate, 0, pathPrefix);
    }

    public static FaultPlan drops(double dropResponseRate, String pathPrefix) {
        return new FaultPlan(0, 0, dropResponseRate, pathPrefix);
    }

    boolean appliesTo(String path) {
        return path.startsWith(pathPrefix);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
