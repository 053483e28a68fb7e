package csbot.sim;

/**
 * Where and how the simulator listens.
 *
 * @param host          interface to bind; loopback unless it must be reached from outside (e.g. a container)
 * @param port          0 for any free port
 * @param workerThreads threads serving requests; requests are cheap, so a few per core is plenty
 */
public record SimulatorConfig(String host, int port, int workerThreads) {

    public SimulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
    }

    /** Loopback, a free port, four workers per core (at least eight). */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }

    public SimulatorConfig withHost(String newHost) {
        return new SimulatorConfig(newHost, port, workerThreads);
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(host, newPort, workerThreads);
    }
}
