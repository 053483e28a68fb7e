package csbot.bot.payments;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.PaymentResult;
import csbot.sim.LedgerEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.Observed.textsSentTo;
import static csbot.bot.testing.TopUps.invoice;
import static csbot.bot.testing.TopUps.resetBackend;
import static csbot.bot.testing.TopUps.topUpsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>Telegram reports one payment twice</b> — a successful_payment message with the same
 * telegram_payment_charge_id in a new update (as after a lost confirmation on Telegram's side), or the very same
 * update delivered again. The money was taken once, so there is one top-up and one answer.
 */
@DisplayName("Duplicate successful_payment: one charge, one top-up, one answer")
class DuplicatePaymentTest {

    private static final Duration QUIET = Duration.ofMillis(600);

    private static World world;
    private static ConfigurableApplicationContext bot;
    private static DemoLine ukSim;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot();
        ukSim = world.ukSim();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void freshBackend() {
        resetBackend(world, bot);
    }

    @Test
    @DisplayName("the same charge id in a second successful_payment update: still one top-up, no second answer")
    void theSameChargeReportedAgain() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£10.00", "⭐ Telegram Stars");
        PaymentResult paid = wei.user().pay(invoice);
        wei.hears("✅ Top-up done! £10.00", "Balance: £22.50");

        wei.user().sendSuccessfulPayment(invoice, paid.telegramPaymentChargeId());
        wei.user().sendSuccessfulPayment(invoice, paid.telegramPaymentChargeId());

        world.telegram.awaitIdle();
        wei.hearsNothingFor(QUIET);
        assertThat(world.telegram.charges()).filteredOn(c -> c.userId() == wei.id()).hasSize(1);
        List<LedgerEntry> topUps = topUpsOf(world, ukSim.msisdn());
        assertThat(topUps).hasSize(1);
        assertThat(topUps.get(0).idempotencyKey()).isEqualTo(paid.telegramPaymentChargeId());
        assertThat(topUps.get(0).applied()).isTrue();
        assertThat(doneNotices(wei)).hasSize(1);
    }

    @Test
    @DisplayName("the duplicate right behind the first, while a slow backend is still applying it: one top-up, one answer")
    void theSameChargeReportedWhileTheFirstIsApplied() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£5.00", "💳 Card (Telegram Payments)");
        // a slow backend keeps the first report busy while the second comes in
        world.sim.faults().set(csbot.sim.FaultPlan.latency(700, "/topupBalance"));
        try {
            PaymentResult paid = wei.user().pay(invoice);
            wei.user().sendSuccessfulPayment(invoice, paid.telegramPaymentChargeId());
            wei.hears(Duration.ofSeconds(10), "✅ Top-up done! £5.00", "Balance: £17.50");
            world.telegram.awaitIdle(Duration.ofSeconds(10));
            wei.hearsNothingFor(QUIET);
            assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(1)
                    .allSatisfy(topUp -> assertThat(topUp.idempotencyKey()).isEqualTo(paid.telegramPaymentChargeId()));
        } finally {
            world.sim.faults().clear();
        }
        assertThat(doneNotices(wei)).hasSize(1);
    }

    @Test
    @DisplayName("the very same update delivered again: skipped as handled")
    void theSameUpdateDeliveredAgain() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£20.00", "💳 Card (Telegram Payments)");
        PaymentResult paid = wei.user().pay(invoice);
        wei.hears("✅ Top-up done! £20.00", "Balance: £32.50");
        long update = wei.user().sendSuccessfulPayment(invoice, paid.telegramPaymentChargeId());

        world.telegram.redeliver(update);
        world.telegram.redeliver(update);

        world.telegram.awaitIdle();
        wei.hearsNothingFor(QUIET);
        assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(1);
        assertThat(doneNotices(wei)).hasSize(1);
    }

    private static List<String> doneNotices(Customer customer) {
        return textsSentTo(world.telegram, customer.id()).stream().filter(t -> t.startsWith("✅ Top-up done!")).toList();
    }
}
