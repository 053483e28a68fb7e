package csbot.bot.demo;

import csbot.bot.config.DemoProperties;
import csbot.bot.config.TelegramProperties;
import csbot.emulator.EmulatorConfig;
import csbot.emulator.TelegramEmulator;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Demo mode's stand-ins for the outside world, in this process: the account backend simulator and the Telegram
 * emulator whose web chat lets a person talk to the bot as a demo customer and read that customer's SMS.
 */
@Component
@Profile(DemoModeDetector.PROFILE)
public final class DemoServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoServers.class);
    private static final String AGENTS_GROUP_TITLE = "csbot 客服 Support";
    private static final long DEMO_AGENT_ID = 100;
    private static final String DEMO_AGENT_NAME = "Ann";

    private final DemoProperties demo;
    private final TelegramProperties telegram;
    private Optional<Simulator> simulator = Optional.empty();
    private Optional<TelegramEmulator> emulator = Optional.empty();

    DemoServers(DemoProperties demo, TelegramProperties telegram) {
        this.demo = demo;
        this.telegram = telegram;
    }

    /** Starts both servers once; every bean that talks to them asks for this first. */
    public synchronized void ensureRunning() {
        if (simulator.isPresent()) {
            return;
        }
        Simulator sim = Simulator.start(SimulatorConfig.defaults().withPort(demo.simulatorPort()));
        simulator = Optional.of(sim);
        String simulatorUrl = sim.baseUrl().toString().replaceAll("/$", "");
        TelegramEmulator started = TelegramEmulator.start(EmulatorConfig.defaults()
                .withPort(demo.chatPort())
                .withToken(telegram.token())
                .withPageSettings(Map.of("simulatorUrl", simulatorUrl,
                        "agentsGroupId", Long.toString(DemoModeDetector.DEMO_AGENTS_GROUP),
                        "agentsGroupTitle", AGENTS_GROUP_TITLE,
                        "agentId", Long.toString(DEMO_AGENT_ID),
                        "agentName", DEMO_AGENT_NAME)));
        // the person trying the demo plays the agent too: a member of the agents group the bot is in
        started.forumGroup(DemoModeDetector.DEMO_AGENTS_GROUP, AGENTS_GROUP_TITLE)
                .addMember(started.user(DEMO_AGENT_ID, DEMO_AGENT_NAME, "en"));
        emulator = Optional.of(started);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("""

                ==============================================================
                 csbot demo is running.
                 Open the web chat:  http://localhost:{}/
                 Pick a demo customer and ask for your balance (余额 / balance),
                 then tap "Share my phone number" to link the line.
                 Say 人工 / agent to reach a person: you are the agent
                 too, in the agents group on the right (/take, reply, /close).
                ==============================================================""", demo.chatPort());
    }

    @Override
    public synchronized void close() {
        emulator.ifPresent(TelegramEmulator::close);
        simulator.ifPresent(Simulator::close);
        emulator = Optional.empty();
        simulator = Optional.empty();
    }
}
