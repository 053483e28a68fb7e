package csbot.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class, back to its seeded state before every test. */
abstract class SimulatorTestBase {

    static final String WEI_SIM = "+447400123123";
    static final String WEI_SIM_ESIM = "+447400123456";
    static final String CHAN_MEI = "+85251234567";
    static final String LI_NA = "+8613800138000";

    static Simulator sim;
    static SimClient client;

    @BeforeAll
    static void startSimulator() {
        sim = Simulator.start(SimulatorConfig.defaults());
        client = new SimClient(sim.baseUrl());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }
}
