package csbot.bot.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No token switches demo mode on and points the bot at local servers; a port the person chose is kept. */
class DemoModeDetectorTest {

    @Test
    void aTokenMeansNoDemo() {
        StandardEnvironment environment = environment(Map.of(), "--csbot.telegram.token=123:abc");

        detect(environment);

        assertThat(environment.getActiveProfiles()).doesNotContain(DemoModeDetector.PROFILE);
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
    }

    @Test
    void noTokenPointsTheBotAtTheLocalEmulatorAndSimulatorAndServesActuatorOn8081() {
        StandardEnvironment environment = environment(Map.of(),
                "--csbot.demo.chat-port=18080", "--csbot.demo.simulator-port=18090");

        detect(environment);

        assertThat(environment.getActiveProfiles()).contains(DemoModeDetector.PROFILE);
        assertThat(environment.getProperty("csbot.telegram.token")).isNotBlank();
        assertThat(environment.getProperty("csbot.telegram.api-url")).isEqualTo("http://127.0.0.1:18080");
        assertThat(environment.getProperty("csbot.backend.base-url")).isEqualTo("http://127.0.0.1:18090");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
    }

    @Test
    void aPortChosenOnTheCommandLineIsKept() {
        StandardEnvironment environment = environment(Map.of(), "--server.port=0");

        detect(environment);

        assertThat(environment.getActiveProfiles()).contains(DemoModeDetector.PROFILE);
        assertThat(environment.getProperty("server.port")).isEqualTo("0");
    }

    @Test
    void aPortChosenInTheEnvironmentIsKept() {
        StandardEnvironment withServerPort = environment(Map.of("SERVER_PORT", "9100"));
        detect(withServerPort);
        assertThat(withServerPort.getProperty("server.port")).isEqualTo("9100");

        StandardEnvironment withPort = environment(Map.of("PORT", "9200"));
        detect(withPort);
        assertThat(withPort.getProperty("server.port")).isEqualTo("9200");
    }

    private static void detect(StandardEnvironment environment) {
        new DemoModeDetector().postProcessEnvironment(environment, new SpringApplication());
    }

    /** An environment with these variables and arguments only, and application.yml's {@code server.port}. */
    private static StandardEnvironment environment(Map<String, Object> variables, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.addFirst(new SimpleCommandLinePropertySource(args));
        sources.addLast(new MapPropertySource("application.yml", Map.of("server.port", "${PORT:8080}")));
        return environment;
    }
}
