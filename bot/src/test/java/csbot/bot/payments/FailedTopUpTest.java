package csbot.bot.payments;

import com.fasterxml.jackson.databind.JsonNode;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.PaymentResult;
import csbot.emulator.Refund;
import csbot.sim.FaultPlan;
import csbot.sim.LedgerEntry;
import csbot.sim.OutcomePlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.TopUps.confirmScreen;
import static csbot.bot.testing.TopUps.invoice;
import static csbot.bot.testing.TopUps.resetBackend;
import static csbot.bot.testing.TopUps.topUpsOf;
import static csbot.bot.testing.TopUps.troubleTickets;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>the backend fails a top-up that was already paid</b>. The money goes back before the customer is
 * told: Stars are refunded through Telegram ({@code refundStarPayment}); a card payment through Telegram's payment
 * provider cannot be refunded by the bot, so it becomes a TMF621 trouble ticket whose number the customer is given;
 * a charge on a saved card that the backend declined took nothing.
 */
@DisplayName("A paid top-up the backend fails: Stars refunded, a card payment escalated with a ticket, a declined card told")
class FailedTopUpTest {

    private static final Duration OUTCOME = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(600);
    private static final Pattern TICKET = Pattern.compile("case (TT-[\\w-]+) for you");

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

    @BeforeEach
    void freshBackend() {
        resetBackend(world, bot);
    }

    @AfterEach
    void backendBack() {
        world.sim.faults().clear();
        world.sim.topUpOutcomes().clear();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("Stars: refunded in full with refundStarPayment, and the customer is told so; the balance is unchanged")
    void failedStarsAreRefunded() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£10.00", "⭐ Telegram Stars");
        world.sim.topUpOutcomes().set(OutcomePlan.fail("processingError").times(1));

        PaymentResult paid = wei.user().pay(invoice);

        wei.hears(OUTCOME, "😔 Sorry, the top-up of +44 •••• " + ukSim.lastFour() + " could not be completed. "
                + "Your ⭐ 750 has been refunded in full.");
        List<Refund> refunds = world.telegram.refunds().stream().filter(r -> r.userId() == wei.id()).toList();
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).telegramPaymentChargeId()).isEqualTo(paid.telegramPaymentChargeId());
        assertThat(refunds.get(0).totalAmount()).isEqualTo(750);
        List<LedgerEntry> topUps = topUpsOf(world, ukSim.msisdn());
        assertThat(topUps).hasSize(1);
        assertThat(topUps.get(0).status()).isEqualTo("failed");
        assertThat(topUps.get(0).applied()).isFalse();
        assertThat(troubleTickets(world)).isEmpty();
        world.telegram.awaitIdle();
        wei.hearsNothingFor(QUIET); // Telegram's refunded_payment note to the bot is not answered

        wei.says("balance");
        wei.hears("Balance: £12.50");
    }

    @Test
    @DisplayName("card through Telegram Payments: a trouble ticket for the payment, its number in the apology")
    void failedCardPaymentIsEscalated() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£20.00", "💳 Card (Telegram Payments)");
        world.sim.topUpOutcomes().set(OutcomePlan.fail("processingError").times(1));

        PaymentResult paid = wei.user().pay(invoice);

        BotMessage apology = wei.hears(OUTCOME, "😔 Sorry, the top-up of +44 •••• " + ukSim.lastFour()
                + " could not be completed. We opened case TT-", "there is no need to pay again", "+852 3000 1234");
        JsonNode tickets = troubleTickets(world);
        assertThat(tickets).hasSize(1);
        assertThat(ticketIn(apology)).isEqualTo(tickets.get(0).get("id").asText());
        assertThat(tickets.get(0).toString()).contains("paymentNotApplied", "20.00", "GBP");
        assertThat(world.telegram.refunds()).noneMatch(r -> r.userId() == wei.id());
        assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(1).first()
                .satisfies(topUp -> assertThat(topUp.idempotencyKey()).isEqualTo(paid.telegramPaymentChargeId()))
                .satisfies(topUp -> assertThat(topUp.applied()).isFalse());
        wei.hearsNothingFor(QUIET);
    }

    @Test
    @DisplayName("card payment failed while tickets cannot be opened: \"opening a case\", then the ticket number")
    void theTicketIsOpenedOnceTheBackendTakesIt() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£5.00", "💳 Card (Telegram Payments)");
        world.sim.topUpOutcomes().set(OutcomePlan.fail("processingError").times(1));
        world.sim.faults().set(FaultPlan.errors(1.0, "/troubleTicket"));

        wei.user().pay(invoice);

        wei.hears(OUTCOME, "We are opening a case for you", "there is no need to pay again");
        assertThat(troubleTickets(world)).isEmpty();
        world.sim.faults().clear();
        BotMessage opened = wei.hears(OUTCOME, "We opened case TT-");
        assertThat(troubleTickets(world)).hasSize(1);
        assertThat(ticketIn(opened)).isEqualTo(troubleTickets(world).get(0).get("id").asText());
        wei.hearsNothingFor(QUIET);
    }

    @Test
    @DisplayName("saved card declined by the backend: nothing was charged, and the customer may pay another way")
    void aDeclinedSavedCardTookNothing() {
        Customer wei = linkedByContact(world, ukSim, "en");
        confirmScreen(wei, "£10.00", "💾 Visa •••• 4242");
        world.sim.topUpOutcomes().set(OutcomePlan.fail("declined").paidWith("savedMethod").times(1));

        wei.taps("✅ Confirm and pay");

        wei.hears("💳 Charging Visa •••• 4242");
        wei.hears(OUTCOME, "😔 The charge did not go through, so +44 •••• " + ukSim.lastFour()
                + " was not topped up with £10.00 and nothing was charged.");
        assertThat(troubleTickets(world)).isEmpty();
        assertThat(topUpsOf(world, ukSim.msisdn())).extracting(LedgerEntry::failureReason).containsExactly("declined");
        wei.hearsNothingFor(QUIET);
    }

    private static String ticketIn(BotMessage message) {
        Matcher ticket = TICKET.matcher(message.text());
        assertThat(ticket.find()).as("a ticket number in %s", message.text()).isTrue();
        return ticket.group(1);
    }
}
