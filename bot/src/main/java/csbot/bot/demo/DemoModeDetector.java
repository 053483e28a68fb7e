package csbot.bot.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * No Telegram token configured means demo mode: everything a newcomer needs runs on this machine — a Redis (an
 * embedded one if none answers), the account backend simulator, and a Telegram emulator with a web chat at
 * http://localhost:8080/. The bot itself then serves actuator on 8081. Runs before any bean is made, so the rest of
 * the application just sees ordinary configuration pointing at local servers.
 */
public final class DemoModeDetector implements EnvironmentPostProcessor {

    public static final String PROFILE = "demo";
    static final String DEMO_TOKEN = "123456:demo";
    static final String DEMO_PROVIDER_TOKEN = "284685063:TEST:demo";
    /** The demo's agents group in the emulator, shown next to the customer's chat. */
    static final long DEMO_AGENTS_GROUP = -1000000000100L;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String token = environment.getProperty("csbot.telegram.token", "");
        if (!token.isBlank()) {
            return;
        }
        String chatPort = environment.getProperty("csbot.demo.chat-port", "8080");
        String simulatorPort = environment.getProperty("csbot.demo.simulator-port", "8090");
        Map<String, Object> demo = new HashMap<>();
        demo.put("csbot.demo.enabled", "true");
        demo.put("csbot.telegram.token", DEMO_TOKEN);
        demo.put("csbot.telegram.api-url", "http://127.0.0.1:" + chatPort);
        demo.put("csbot.telegram.mode", "polling");
        demo.put("csbot.telegram.poll-timeout-seconds", "10");
        demo.put("csbot.backend.base-url", "http://127.0.0.1:" + simulatorPort);
        // the simulator signs its events with its default secret; the bot listens on its own address
        demo.put("csbot.backend.hub.secret", "csbot-sim-hub-secret");
        demo.put("csbot.backend.hub.callback-url", "auto");
        // a demo's alert shows at once, whatever the hour where the demo line's number is; /alerts can still set some
        demo.put("csbot.alerts.default-quiet-hours", "off");
        if (environment.getProperty("csbot.payments.provider-token", "").isBlank()) {
            // a test-mode provider token, so the demo also shows card invoices through Telegram Payments
            demo.put("csbot.payments.provider-token", DEMO_PROVIDER_TOKEN);
        }
        if (environment.getProperty("csbot.desk.agents-group-id", "0").equals("0")) {
            // the web page shows this group next to the chat; agents are "online" whenever someone tries the demo
            demo.put("csbot.desk.agents-group-id", Long.toString(DEMO_AGENTS_GROUP));
            demo.put("csbot.desk.opens", "00:00");
            demo.put("csbot.desk.closes", "00:00");
        }
        if (!portChosen(environment)) {
            demo.put("server.port", "8081");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("csbot-demo", demo));
        environment.addActiveProfile(PROFILE);
    }

    /**
     * Whether the bot's own port was chosen: {@code PORT}, or {@code server.port} given on the command line, as a
     * system property or as {@code SERVER_PORT} — not application.yml's default, which the demo replaces by 8081.
     */
    private static boolean portChosen(ConfigurableEnvironment environment) {
        if (environment.getProperty("PORT") != null) {
            return true;
        }
        return Stream.of(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME,
                        StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                .map(name -> environment.getPropertySources().get(name))
                .anyMatch(source -> source != null && source.containsProperty("server.port"));
    }
}
