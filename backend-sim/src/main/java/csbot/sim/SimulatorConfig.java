package csbot.sim;

import java.util.Objects;

/**
 * Where and how the simulator listens.
 *
 * @param host          interface to bind; loopback unless it must be reached from outside (e.g. a container)
 * @param port          0 for any free port
 * @param workerThreads threads serving requests; requests are cheap, so a few per core is plenty
 * @param hubSecret     the secret shared with event listeners: each event carries an HMAC-SHA256 signature made with it
 */
public record SimulatorConfig(String host, int port, int workerThreads, String hubSecret) {

    /** The demo's and tests' shared secret; a real deployment would configure its own. */
    public static final String DEFAULT_HUB_SECRET = "csbot-sim-hub-secret";

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
        if (hubSecret == null || hubSecret.isEmpty()) {
            throw new IllegalArgumentException("hubSecret must not be empty");
        }
    }

    /** Loopback, a free port, four workers per core (at least eight), the default hub secret. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()),
                DEFAULT_HUB_SECRET);
    }

    public SimulatorConfig withHost(String newHost) {
        return new SimulatorConfig(newHost, port, workerThreads, hubSecret);
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(host, newPort, workerThreads, hubSecret);
    }

    public SimulatorConfig withHubSecret(String newSecret) {
        return new SimulatorConfig(host, port, workerThreads, newSecret);
    }
}
