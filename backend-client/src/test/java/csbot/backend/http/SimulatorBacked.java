package csbot.backend.http;

import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One in-process simulator per test class, re-seeded before every test; a client tuned for quick tests. */
abstract class SimulatorBacked {

    static final String WEI_SIM = "+447400123123";
    static final String WEI_SIM_ICCID = "8944200000000123454";
    static final String CHAN_MEI = "+85251234567";
    static final String LI_NA = "+8613800138000";
    static final String UNKNOWN = "+447400123000";

    private static final Pattern SIX_DIGITS = Pattern.compile("\\b\\d{6}\\b");

    static Simulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = Simulator.start(SimulatorConfig.defaults());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    /** Defaults, with short waits so failure tests stay fast. */
    static BackendClientConfig quickConfig() {
        return BackendClientConfig.defaults(sim.baseUrl())
                .withCallTimeout(Duration.ofSeconds(2))
                .withRetries(3, Duration.ofMillis(10));
    }

    /** The code in the last SMS the line received. */
    static String lastCode(String msisdn) {
        String text = sim.sms(msisdn).get(sim.sms(msisdn).size() - 1).text();
        Matcher code = SIX_DIGITS.matcher(text);
        if (!code.find()) {
            throw new AssertionError("no code in the last SMS");
        }
        return code.group();
    }
}
