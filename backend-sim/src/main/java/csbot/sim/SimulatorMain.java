package csbot.sim;

import java.util.Arrays;
import java.util.Optional;

/**
 * Runs the simulator on its own: {@code java -jar backend-sim.jar [--port=8090] [--host=127.0.0.1]
 * [--hub-secret=…]}, or with {@code SIM_PORT} / {@code SIM_HOST} / {@code SIM_HUB_SECRET} in the environment.
 * Stops on Ctrl-C.
 */
public final class SimulatorMain {

    private static final String LOG_CONFIG = "logback.configurationFile";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        // before the first logger exists; the simulator's own config stays out of jars that embed it
        if (System.getProperty(LOG_CONFIG) == null) {
            System.setProperty(LOG_CONFIG, "csbot-sim-logback.xml");
        }
        SimulatorConfig config = SimulatorConfig.defaults()
                .withHost(setting(args, "host", "SIM_HOST").orElse("127.0.0.1"))
                .withPort(Integer.parseInt(setting(args, "port", "SIM_PORT").orElse("8090")))
                .withHubSecret(setting(args, "hub-secret", "SIM_HUB_SECRET").orElse(SimulatorConfig.DEFAULT_HUB_SECRET));
        Simulator simulator = Simulator.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "sim-shutdown"));
    }

    /** {@code --name=value} wins over the environment variable. */
    private static Optional<String> setting(String[] args, String name, String environmentVariable) {
        String flag = "--" + name + "=";
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(flag))
                .map(arg -> arg.substring(flag.length()))
                .reduce((first, last) -> last)
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)));
    }
}
