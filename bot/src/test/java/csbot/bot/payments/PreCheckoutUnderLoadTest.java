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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.TopUps.invoice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>more customers pay at the same moment than the bot has workers, while the backend is slow</b>.
 * Each pre-checkout's check takes as long as the backend does (here 1 s, well within the deadline); however many
 * arrive together, each must be decided on its own merits within Telegram's 10 seconds — a slow check must not keep
 * the others from running, and a busy bot must not refuse good payments as "too slow". The bot runs with 4 workers so
 * that 8 payers are "more than the workers".
 */
@DisplayName("Pre-checkouts under load: more payers than workers, a slow backend, every payment still answered yes")
class PreCheckoutUnderLoadTest {

    private static final int WORKERS = 4;
    private static final int PAYERS = 2 * WORKERS;

    private static World world;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        world.startBot("csbot.gate.workers=" + WORKERS);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("8 customers pay at once, each check takes 1 s: all 8 paid, each answered in under 10 s")
    void manyPayersAtOnceAreAllAnswered() throws Exception {
        DemoLine ukSim = world.ukSim();
        List<Customer> payers = new ArrayList<>();
        List<BotMessage> invoices = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            Customer payer = linkedByContact(world, ukSim, "en");
            payers.add(payer);
            invoices.add(invoice(payer, "£5.00", "⭐ Telegram Stars"));
        }
        world.sim.faults().set(FaultPlan.latency(1_000, "/ext/v1/lines"));
        ExecutorService clients = Executors.newFixedThreadPool(PAYERS);
        try {
            List<CompletableFuture<PaymentResult>> paying = new ArrayList<>();
            for (int i = 0; i < PAYERS; i++) {
                Customer payer = payers.get(i);
                BotMessage invoice = invoices.get(i);
                paying.add(CompletableFuture.supplyAsync(() -> payer.user().pay(invoice), clients));
            }
            for (CompletableFuture<PaymentResult> result : paying) {
                assertThat(result.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(PaymentResult.Outcome.PAID);
            }
        } finally {
            world.sim.faults().clear();
            clients.shutdownNow();
        }
        for (Customer payer : payers) {
            payer.hears(Duration.ofSeconds(15), "✅ Top-up done! £5.00");
        }
    }
}
