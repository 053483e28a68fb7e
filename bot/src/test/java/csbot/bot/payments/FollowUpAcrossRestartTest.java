package csbot.bot.payments;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.PaymentResult;
import csbot.sim.FaultPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.TopUps.invoice;
import static csbot.bot.testing.TopUps.topUpsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>the bot is restarted while its follow-up is working through payments whose answers were lost</b>
 * (a deploy during a backend incident). The payments the stopping instance was looking at must not wait long for the
 * next instance: each customer hears "done" soon after it starts, and each payment is one top-up. No backend events
 * here, so only the follow-up can tell.
 */
@DisplayName("Restart during the payment follow-up: the next instance tells every customer soon")
class FollowUpAcrossRestartTest {

    private static final int PAYERS = 8;
    /** Well within the backoff of a payment looked up a few times without an answer. */
    private static final Duration SOON = Duration.ofSeconds(25);

    private static World world;
    private static ConfigurableApplicationContext bot;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("8 payments with lost answers, the instance stopped mid follow-up: all 8 told \"done\" by the next one")
    void paymentsTakenByAStoppingInstanceAreFollowedByTheNext() throws InterruptedException {
        world.sim.reset(); // no hub subscription: no events
        DemoLine ukSim = world.ukSim();
        List<Customer> payers = new ArrayList<>();
        List<BotMessage> invoices = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            Customer payer = linkedByContact(world, ukSim, "en");
            payers.add(payer);
            invoices.add(invoice(payer, "£5.00", "⭐ Telegram Stars"));
        }
        world.sim.faults().set(FaultPlan.drops(1.0, "/topupBalance"));
        for (int i = 0; i < PAYERS; i++) {
            // the lost answers open the circuit breaker now and then: the customer tries again, as they are told
            PaymentResult paid = payers.get(i).user().pay(invoices.get(i));
            for (int tries = 1; tries < 20 && paid.outcome() == PaymentResult.Outcome.DECLINED; tries++) {
                Thread.sleep(500);
                paid = payers.get(i).user().pay(invoices.get(i));
            }
            assertThat(paid.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        }
        for (Customer payer : payers) {
            payer.hears(Duration.ofSeconds(15), "💳 We have your payment");
        }

        // while no instance runs, every payment falls due; the next instance finds them all at once, and the
        // backend answers again, slowly (within the call timeout): it works through them one after another …
        world.stopBot(bot);
        world.sim.faults().set(FaultPlan.latency(1_500, "/topupBalance"));
        long lookUpsBefore = world.sim.requestCount("GET /topupBalance");
        Thread.sleep(4_000);
        bot = world.startBot();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (world.sim.requestCount("GET /topupBalance") == lookUpsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        // … and is stopped in the middle of it (a deploy); the one after it must carry on at once
        world.stopBot(bot);
        world.sim.faults().clear();
        bot = world.startBot();

        for (Customer payer : payers) {
            payer.hears(SOON, "✅ Top-up done! £5.00");
        }
        assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(PAYERS);
    }
}
