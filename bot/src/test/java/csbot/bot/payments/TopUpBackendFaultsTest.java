package csbot.bot.payments;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.PaymentResult;
import csbot.sim.FaultPlan;
import csbot.sim.LedgerEntry;
import csbot.sim.OutcomePlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * Failure cases of the account backend around a payment: <b>the top-up is made but its answer is lost</b> (the
 * simulator applies it and drops the response), <b>the backend is down or too slow at pre-checkout</b>, and <b>a
 * top-up that stays {@code created}</b> before it completes. Money is never lost or taken twice: a lost answer is
 * resolved by the payment's key (or by the backend's event), a payment that cannot be checked is refused before
 * anything is charged, and a top-up still in progress is followed until the customer can be told it is done.
 */
@DisplayName("Backend faults around a payment: lost answers, down at pre-checkout, top-ups still in progress")
class TopUpBackendFaultsTest {

    private static final Duration OUTCOME = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(600);
    private static final String NOT_CHARGED = "Our account system is busy. You have not been charged; please try "
            + "paying again in a minute.";

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
    @DisplayName("answer of the top-up call lost, no events: the customer hears the payment arrived, then done, "
            + "resolved by its key")
    void aLostAnswerIsResolvedByTheKey() {
        world.sim.reset(); // and no hub subscription: only the bot's own follow-up can find out
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£10.00", "⭐ Telegram Stars");
        world.sim.faults().set(FaultPlan.drops(1.0, "/topupBalance"));

        PaymentResult paid = wei.user().pay(invoice);
        assertThat(paid.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        wei.hears(OUTCOME, "💳 We have your payment (⭐ 750) and are topping up +44 •••• " + ukSim.lastFour()
                + " with £10.00. We'll tell you as soon as it's done.");
        List<LedgerEntry> made = topUpsOf(world, ukSim.msisdn());
        assertThat(made).as("made although no answer came back").hasSize(1);
        assertThat(made.get(0).applied()).isTrue();

        world.sim.faults().clear();
        wei.hears(OUTCOME, "✅ Top-up done! £10.00", "Balance: £22.50", "✅ Active");
        wei.hearsNothingFor(QUIET);
        assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(1).first()
                .satisfies(topUp -> assertThat(topUp.idempotencyKey()).isEqualTo(paid.telegramPaymentChargeId()));
        assertThat(world.sim.requestCount("GET /topupBalance")).as("looked up by key").isPositive();
    }

    @Test
    @DisplayName("answer lost, events on: the backend's event settles it; one top-up, and \"done\" is the last word")
    void aLostAnswerIsSettledByTheEvent() {
        resetBackend(world, bot);
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£5.00", "💳 Card (Telegram Payments)");
        world.sim.faults().set(FaultPlan.drops(1.0, "/topupBalance"));

        PaymentResult paid = wei.user().pay(invoice);

        BotMessage last = lastWordWithin(wei, OUTCOME);
        assertThat(last.text()).contains("✅ Top-up done! £5.00", "Balance: £17.50");
        assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(1).first()
                .satisfies(topUp -> assertThat(topUp.idempotencyKey()).isEqualTo(paid.telegramPaymentChargeId()));
        assertThat(textsSentTo(world.telegram, wei.id())).filteredOn(t -> t.startsWith("✅ Top-up done!")).hasSize(1);
    }

    @Test
    @DisplayName("backend answering 503 at pre-checkout: refused with \"not charged\"; paid once it is back")
    void backendDownAtPreCheckout() throws InterruptedException {
        resetBackend(world, bot);
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£10.00", "💳 Card (Telegram Payments)");
        world.sim.faults().set(FaultPlan.errors(1.0, "/ext/v1/lines"));

        PaymentResult refused = wei.user().pay(invoice);

        assertThat(refused.outcome()).isEqualTo(PaymentResult.Outcome.DECLINED);
        assertThat(refused.errorMessage()).isEqualTo(NOT_CHARGED);
        assertThat(world.telegram.charges()).noneMatch(charge -> charge.userId() == wei.id());
        assertThat(topUpsOf(world, ukSim.msisdn())).isEmpty();
        wei.hearsNothingFor(QUIET);

        world.sim.faults().clear();
        PaymentResult paid = payOnceTheBreakerLetsThrough(wei, invoice);
        assertThat(paid.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        wei.hears(OUTCOME, "✅ Top-up done! £10.00", "Balance: £22.50");
        assertThat(world.telegram.charges()).filteredOn(charge -> charge.userId() == wei.id()).hasSize(1);
        assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(1);
    }

    @Test
    @DisplayName("backend too slow at pre-checkout: refused within Telegram's 10 s, not left unanswered")
    void backendTooSlowAtPreCheckout() throws InterruptedException {
        resetBackend(world, bot);
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£10.00", "⭐ Telegram Stars");
        world.sim.faults().set(FaultPlan.latency(12_000, "/ext/v1/lines"));

        long start = System.nanoTime();
        PaymentResult refused = wei.user().pay(invoice);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.outcome()).as("answered, not left to time out").isEqualTo(PaymentResult.Outcome.DECLINED);
        assertThat(refused.errorMessage()).isEqualTo(NOT_CHARGED);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(world.telegram.charges()).noneMatch(charge -> charge.userId() == wei.id());

        world.sim.faults().clear();
        assertThat(payOnceTheBreakerLetsThrough(wei, invoice).outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        wei.hears(OUTCOME, "✅ Top-up done! £10.00");
    }

    @Test
    @DisplayName("a top-up that stays created: \"being processed\", then \"done\" when the backend completes it (event)")
    void aPendingTopUpIsFollowedUntilDoneByTheEvent() {
        resetBackend(world, bot);
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£20.00", "💳 Card (Telegram Payments)");
        world.sim.topUpOutcomes().set(OutcomePlan.pending(600).times(1));

        wei.user().pay(invoice);
        wei.hears(OUTCOME, "⏳ Your top-up (£20.00 → +44 •••• " + ukSim.lastFour() + ") is being processed. "
                + "We'll tell you as soon as it's done.");
        assertThat(topUpsOf(world, ukSim.msisdn())).extracting(LedgerEntry::status).containsExactly("created");
        wei.hearsNothingFor(Duration.ofSeconds(3));

        world.sim.clock().advance(Duration.ofSeconds(601));
        wei.hears(OUTCOME, "✅ Top-up done! £20.00", "Balance: £32.50");
        wei.hearsNothingFor(QUIET);
        assertThat(topUpsOf(world, ukSim.msisdn())).hasSize(1).first()
                .satisfies(topUp -> assertThat(topUp.applied()).isTrue());
    }

    @Test
    @DisplayName("a top-up that stays created, no events: the bot's follow-up finds it completed and says so")
    void aPendingTopUpIsFollowedUntilDoneByPolling() {
        world.sim.reset(); // no hub subscription
        Customer mei = linkedByContact(world, world.hkEsim(), "zh-CN");
        mei.says("充值");
        mei.hears("请选择金额");
        mei.taps("HK$200");
        mei.hears("请选择支付方式");
        mei.taps("⭐ Telegram Stars");
        mei.hears("请确认充值", "共 1600 ⭐");
        mei.taps("✅ 确认支付");
        mei.hears("账单已发送");
        BotMessage invoice = mei.nextMessage();
        world.sim.topUpOutcomes().set(OutcomePlan.pending(60).times(1));

        mei.user().pay(invoice);
        mei.hears(OUTCOME, "⏳ 充值正在处理中（HK$200.00 → +852 •••• 4567），完成后会立即通知您。");
        world.sim.clock().advance(Duration.ofSeconds(61));
        mei.hears(OUTCOME, "✅ 充值成功！HK$200.00 已充入 +852 •••• 4567", "余额：HK$208.00");
        mei.hearsNothingFor(QUIET);
    }

    // ---- helpers

    /** The circuit breaker stays open a moment after the failures: the customer tries again, as the text says. */
    private static PaymentResult payOnceTheBreakerLetsThrough(Customer customer, BotMessage invoice)
            throws InterruptedException {
        PaymentResult result = customer.user().pay(invoice);
        for (int tries = 1; tries < 10 && result.outcome() == PaymentResult.Outcome.DECLINED; tries++) {
            Thread.sleep(500);
            result = customer.user().pay(invoice);
        }
        return result;
    }

    /** Every message the bot sends within {@code window}; the last one of them. */
    private static BotMessage lastWordWithin(Customer customer, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        BotMessage last = customer.nextMessage();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return last;
            }
            try {
                last = customer.user().nextMessage(Duration.ofMillis(Math.min(left / 1_000_000, 3_000)));
            } catch (AssertionError quiet) {
                if (last.text().startsWith("✅")) {
                    return last;
                }
            }
        }
    }
}
