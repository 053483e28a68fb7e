package csbot.bot.resilience;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.sim.FaultPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static csbot.bot.testing.Observed.storedProfile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>the carrier's account backend is down</b> — answering 503 to everything, or so slow that every
 * call times out. The customer gets a clear apology that says nothing was done (not silence, not a stack trace);
 * nothing they had is lost, and once the backend is back (and the circuit breaker has let calls through again) the
 * very same request works.
 *
 * <p>The bot runs with a short call timeout and breaker open time so the test does not wait long.
 */
@DisplayName("Backend down: a clear apology, nothing lost, the same request works once it is back")
class BackendDownTest {

    private static final Duration CIRCUIT_OPEN_FOR = Duration.ofMillis(800);
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(400);

    private static World world;
    private static DemoLine ukSim;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        world.startBot("csbot.backend.call-timeout=" + CALL_TIMEOUT.toMillis() + "ms",
                "csbot.backend.circuit-open-for=" + CIRCUIT_OPEN_FOR.toMillis() + "ms");
        ukSim = world.demoLine(l -> l.msisdn().startsWith("+44") && l.cardType().equals("SIM"));
    }

    @AfterEach
    void backendBack() {
        world.sim.faults().clear();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("every backend call answered 503: the balance request gets an apology, then works when it is back")
    void backendAnsweringErrors() {
        Customer wei = linkedCustomer("zh-CN");

        world.sim.faults().set(FaultPlan.errors(1.0, ""));
        wei.says("余额");
        wei.hears(Duration.ofSeconds(10), "抱歉，账户系统暂时无法响应", "没有被执行", "没有产生任何费用");
        wei.hearsNothingFor(Duration.ofMillis(300));

        backendRecovers();
        wei.says("余额");
        wei.hears("+44 •••• " + ukSim.lastFour(), "余额：£12.50");
        assertThat(storedProfile(world, wei.id())).hasValueSatisfying(p -> assertThat(p).contains(ukSim.msisdn()));
    }

    @Test
    @DisplayName("every backend call slower than the call timeout: an apology in seconds, then it works again")
    void backendTimingOut() {
        Customer sam = linkedCustomer("en");

        world.sim.faults().set(FaultPlan.latency(CALL_TIMEOUT.toMillis() * 5, ""));
        long asked = System.nanoTime();
        sam.says("balance");
        sam.hears(Duration.ofSeconds(10), "Sorry, our account system is not answering right now",
                "Nothing was done and nothing was charged");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("time until the apology")
                .isLessThan(Duration.ofSeconds(5));
        sam.hearsNothingFor(Duration.ofMillis(300));

        backendRecovers();
        sam.says("balance");
        sam.hears("+44 •••• " + ukSim.lastFour(), "Balance: £12.50");
        assertThat(storedProfile(world, sam.id())).hasValueSatisfying(p -> assertThat(p).contains(ukSim.msisdn()));
    }

    /** A customer who linked the UK line by sharing their contact while the backend was fine. */
    private static Customer linkedCustomer(String language) {
        Customer customer = world.customerOwning(ukSim, language);
        customer.sharesContact(ukSim.asTelegramShares(), customer.id());
        customer.hears("✅", ukSim.lastFour());
        customer.nextMessage();
        return customer;
    }

    /** Faults off, and long enough for a breaker the failures may have opened to let calls through again. */
    private static void backendRecovers() {
        world.sim.faults().clear();
        try {
            Thread.sleep(CIRCUIT_OPEN_FOR.toMillis() + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
