package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import csbot.backend.AutoTopUp;
import csbot.backend.AutoTopUpKind;
import csbot.backend.AutoTopUpStatus;
import csbot.backend.Bucket;
import csbot.backend.Money;
import csbot.backend.NotFound;
import csbot.backend.PaymentLink;
import csbot.backend.PaymentLinkStatus;
import csbot.backend.PaymentMethodType;
import csbot.backend.PaymentRef;
import csbot.backend.RecurringPeriod;
import csbot.backend.Rejected;
import csbot.backend.SavedPaymentMethod;
import csbot.backend.TopUp;
import csbot.backend.TopUpOptions;
import csbot.backend.TopUpPlan;
import csbot.backend.TopUpRequest;
import csbot.backend.TopUpStatus;
import csbot.backend.TroubleTicket;
import csbot.backend.TroubleTicketRequest;
import csbot.sim.OutcomePlan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The top-up, payment link, auto top-up and trouble ticket methods of the client, against the simulator. */
class TopUpClientTest extends SimulatorBacked {

    private final HttpAccountBackend backend = new HttpAccountBackend(quickConfig());

    @Test
    void readsTheTopUpOptionsExactly() {
        TopUpOptions options = backend.topUpOptions(WEI_SIM);

        assertThat(options.currency()).isEqualTo("GBP");
        assertThat(options.presets()).extracting(BigDecimal::toPlainString).containsExactly("5.00", "10.00", "20.00", "50.00");
        assertThat(options.plans()).extracting(TopUpPlan::id, TopUpPlan::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("keep-30", 30),
                        org.assertj.core.groups.Tuple.tuple("keep-90", 90),
                        org.assertj.core.groups.Tuple.tuple("keep-365", 365));
        assertThat(options.plans().get(1).price()).isEqualTo(new BigDecimal("12.00"));
        assertThat(options.customMin()).isEqualTo(new BigDecimal("1.00"));
        assertThat(options.customMax()).isEqualTo(new BigDecimal("500.00"));
        assertThat(options.maxDecimals()).isEqualTo(2);
        assertThat(backend.topUpOptions(CHAN_MEI).maxDecimals()).isZero();
    }

    @Test
    void optionsOfAnUnknownOrUnsupportedLineAreTypedFailures() {
        addEuroCustomer();

        assertThatThrownBy(() -> backend.topUpOptions(UNKNOWN)).isInstanceOf(NotFound.class)
                .hasMessageNotContaining("447400123000");
        assertThat(reason(() -> backend.topUpOptions(EURO_LINE))).isEqualTo("currencyNotSupported");
    }

    @Test
    void aTopUpIsCreatedReadAndFoundByItsKey() {
        TopUp created = backend.createTopUp(stars(WEI_SIM, "10.00", ""), "pay-1");

        assertThat(created.id()).startsWith("tb-");
        assertThat(created.status()).isEqualTo(TopUpStatus.COMPLETED);
        assertThat(created.msisdn()).isEqualTo(WEI_SIM);
        assertThat(created.amount()).isEqualTo(Money.of("10.00", "GBP"));
        assertThat(created.planId()).isEmpty();
        assertThat(created.payment()).isEqualTo(new PaymentRef(PaymentMethodType.TELEGRAM_STARS, "tg-charge-10.00"));
        assertThat(created.failureReason()).isEmpty();
        assertThat(created.autoTopUpId()).isEmpty();
        assertThat(created.createdAt()).isCloseTo(now(), within(1, ChronoUnit.MINUTES));
        assertThat(backend.topUp(created.id())).isEqualTo(created);
        assertThat(backend.topUpByKey("pay-1")).contains(created);
        assertThat(backend.topUpByKey("never-used")).isEmpty();
        assertThat(money(WEI_SIM)).isEqualByComparingTo("22.50");
    }

    @Test
    void theSameKeyAnswersTheSameTopUpOnce() {
        TopUp first = backend.createTopUp(stars(WEI_SIM, "10.00", ""), "pay-2");
        TopUp again = backend.createTopUp(stars(WEI_SIM, "10.00", ""), "pay-2");

        assertThat(again).isEqualTo(first);
        assertThat(sim.ledger()).hasSize(1);
        assertThat(money(WEI_SIM)).isEqualByComparingTo("22.50");
        assertThat(reason(() -> backend.createTopUp(stars(WEI_SIM, "20.00", ""), "pay-2")))
                .isEqualTo("idempotencyKeyReused");
    }

    @Test
    void aPlanIsBoughtByItsId() {
        TopUp plan = backend.createTopUp(stars(LI_NA, "98.00", "keep-365"), "plan-1");

        assertThat(plan.planId()).isEqualTo("keep-365");
        Bucket money = backend.buckets(LI_NA).get(0);
        assertThat(money.status()).isEqualTo(csbot.backend.LineStatus.ACTIVE);
        assertThat(money.validFor().endDateTime()).isCloseTo(now().plusDays(365), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void refusedTopUpsCarryTheBackendsReasonCode() {
        assertThat(reason(() -> backend.createTopUp(stars(WEI_SIM, "0.99", ""), "r-1"))).isEqualTo("amountOutOfRange");
        assertThat(reason(() -> backend.createTopUp(stars(WEI_SIM, "10.001", ""), "r-2"))).isEqualTo("tooManyDecimals");
        assertThat(reason(() -> backend.createTopUp(new TopUpRequest(WEI_SIM, Money.of("10", "CNY"), "",
                new PaymentRef(PaymentMethodType.TELEGRAM_STARS, "c"), "telegram"), "r-3"))).isEqualTo("currencyMismatch");
        assertThat(reason(() -> backend.createTopUp(stars(WEI_SIM, "10.00", "keep-90"), "r-4"))).isEqualTo("amountMismatch");
        assertThat(reason(() -> backend.createTopUp(stars(WEI_SIM, "10.00", "keep-7"), "r-5"))).isEqualTo("unknownPlan");
        assertThat(reason(() -> backend.createTopUp(new TopUpRequest(LI_NA, Money.of("30", "CNY"), "",
                new PaymentRef(PaymentMethodType.SAVED_METHOD, WEI_CARD), "telegram"), "r-6")))
                .isEqualTo("unknownPaymentMethod");
        assertThat(reason(() -> backend.createTopUp(stars(WEI_SIM, "10.00", ""), "bad key")))
                .isEqualTo("invalidIdempotencyKey");
        assertThatThrownBy(() -> backend.createTopUp(stars(UNKNOWN, "10.00", ""), "r-7")).isInstanceOf(NotFound.class);
        assertThat(sim.ledger()).isEmpty();
    }

    @Test
    void aFailedTopUpIsAnAnswerWithItsReason() {
        sim.topUpOutcomes().set(OutcomePlan.fail("processingError").times(1));

        TopUp failed = backend.createTopUp(stars(WEI_SIM, "10.00", ""), "fail-1");

        assertThat(failed.status()).isEqualTo(TopUpStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("processingError");
        assertThat(money(WEI_SIM)).isEqualByComparingTo("12.50");
    }

    @Test
    void aPendingTopUpIsCreatedFirstAndCompletedLater() {
        sim.topUpOutcomes().set(OutcomePlan.pending(90));

        TopUp pending = backend.createTopUp(stars(WEI_SIM, "10.00", ""), "slow-1");
        sim.clock().advance(Duration.ofSeconds(91));

        assertThat(pending.status()).isEqualTo(TopUpStatus.CREATED);
        assertThat(pending.status().isFinal()).isFalse();
        assertThat(backend.topUp(pending.id()).status()).isEqualTo(TopUpStatus.COMPLETED);
    }

    @Test
    void savedPaymentMethodsAreListed() {
        assertThat(backend.savedPaymentMethods(WEI_ESIM))
                .containsExactly(new SavedPaymentMethod(WEI_CARD, "card", "Visa •••• 4242"));
        assertThat(backend.savedPaymentMethods(LI_NA)).isEmpty();
        assertThatThrownBy(() -> backend.savedPaymentMethods(UNKNOWN)).isInstanceOf(NotFound.class);
    }

    @Test
    void aPaymentLinkIsPaidOnTheCheckoutPageAndThenNamesItsTopUp() {
        PaymentLink link = backend.createPaymentLink(CHAN_MEI, Money.of("100", "HKD"), "", "link-1");

        assertThat(link.status()).isEqualTo(PaymentLinkStatus.OPEN);
        assertThat(link.url()).isEqualTo(sim.baseUrl() + "checkout/" + link.id());
        assertThat(link.amount()).isEqualTo(Money.of("100.00", "HKD"));
        assertThat(link.planId()).isEmpty();
        assertThat(link.topUpId()).isEmpty();
        assertThat(link.expiresAt()).isCloseTo(now().plusMinutes(30), within(1, ChronoUnit.MINUTES));
        assertThat(backend.createPaymentLink(CHAN_MEI, Money.of("100.00", "HKD"), "", "link-1")).isEqualTo(link);

        payOnTheCheckoutPage(link.id());

        PaymentLink paid = backend.paymentLink(link.id());
        assertThat(paid.status()).isEqualTo(PaymentLinkStatus.PAID);
        TopUp topUp = backend.topUp(paid.topUpId());
        assertThat(topUp.payment()).isEqualTo(new PaymentRef(PaymentMethodType.PAYMENT_LINK, link.id()));
        assertThat(topUp.status()).isEqualTo(TopUpStatus.COMPLETED);
    }

    @Test
    void aPaymentLinkForAPlanAndItsRefusals() {
        assertThat(backend.createPaymentLink(WEI_SIM, Money.of("40.00", "GBP"), "keep-365", "link-2").planId())
                .isEqualTo("keep-365");
        assertThat(reason(() -> backend.createPaymentLink(WEI_SIM, Money.of("900", "GBP"), "", "link-3")))
                .isEqualTo("amountOutOfRange");
        assertThatThrownBy(() -> backend.paymentLink("pl-nothing")).isInstanceOf(NotFound.class);
    }

    @Test
    void autoTopUpsOfBothKindsAreCreatedListedChangedAndCancelled() {
        AutoTopUp periodic = backend.createAutoTopUp(WEI_SIM, monthly("10.00"), "auto-1");
        AutoTopUp threshold = backend.createAutoTopUp(WEI_SIM, below("5.00", "20.00"), "auto-2");

        assertThat(periodic.id()).startsWith("tb-");
        assertThat(periodic.msisdn()).isEqualTo(WEI_SIM);
        assertThat(periodic.status()).isEqualTo(AutoTopUpStatus.ACTIVE);
        assertThat(periodic.rule()).isEqualTo(monthly("10.00"));
        assertThat(periodic.nextRun()).hasValueSatisfying(next ->
                assertThat(next).isCloseTo(now().plusMonths(1), within(1, ChronoUnit.MINUTES)));
        assertThat(threshold.id()).startsWith("tt-");
        assertThat(threshold.rule()).isEqualTo(below("5.00", "20.00"));
        assertThat(threshold.nextRun()).isEmpty();
        assertThat(backend.autoTopUps(WEI_SIM)).containsExactly(periodic, threshold);
        assertThat(backend.createAutoTopUp(WEI_SIM, monthly("10.00"), "auto-1")).as("a repeat").isEqualTo(periodic);

        AutoTopUp quarterly = backend.changeAutoTopUp(periodic.id(), new csbot.backend.AutoTopUpRule(
                AutoTopUpKind.PERIODIC, RecurringPeriod.QUARTERLY, null, Money.of("25.00", "GBP"), WEI_CARD, true));
        AutoTopUp lower = backend.changeAutoTopUp(threshold.id(), below("3.00", "20.00"));

        assertThat(quarterly.rule().period()).isEqualTo(RecurringPeriod.QUARTERLY);
        assertThat(quarterly.rule().amount()).isEqualTo(Money.of("25.00", "GBP"));
        assertThat(quarterly.rule().lowBalanceReminder()).isTrue();
        assertThat(lower.rule().threshold()).isEqualTo(Money.of("3.00", "GBP"));

        backend.cancelAutoTopUp(periodic.id());
        backend.cancelAutoTopUp(threshold.id());
        backend.cancelAutoTopUp(threshold.id());

        assertThat(backend.autoTopUps(WEI_SIM)).isEmpty();
        assertThat(reason(() -> backend.changeAutoTopUp(periodic.id(), monthly("10.00")))).isEqualTo("autoTopupCancelled");
    }

    @Test
    void autoTopUpRefusalsAreTyped() {
        backend.createAutoTopUp(WEI_SIM, monthly("10.00"), "auto-3");

        assertThat(reason(() -> backend.createAutoTopUp(WEI_SIM, monthly("20.00"), "auto-4"))).isEqualTo("autoTopupExists");
        assertThat(reason(() -> backend.createAutoTopUp(LI_NA, new csbot.backend.AutoTopUpRule(AutoTopUpKind.THRESHOLD,
                null, Money.of("5", "CNY"), Money.of("30", "CNY"), WEI_CARD, false), "auto-5")))
                .isEqualTo("unknownPaymentMethod");
        assertThatThrownBy(() -> backend.cancelAutoTopUp("tt-nothing")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> backend.changeAutoTopUp("tb-nothing", monthly("10.00"))).isInstanceOf(NotFound.class);
    }

    @Test
    void changingTheKindOfAnAutoTopUpIsTheCallersCancelAndCreate() {
        AutoTopUp periodic = backend.createAutoTopUp(WEI_SIM, monthly("10.00"), "auto-6");

        assertThatThrownBy(() -> backend.changeAutoTopUp(periodic.id(), below("5.00", "10.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.requestCount("PATCH /topupBalance/{id}")).isZero();
    }

    @Test
    void anAutoTopUpRunShowsAsATopUpOfItsRule() {
        AutoTopUp periodic = backend.createAutoTopUp(WEI_SIM, monthly("10.00"), "auto-7");

        sim.clock().advance(Duration.ofDays(32));

        TopUp run = backend.topUp(sim.ledger().get(0).id());
        assertThat(run.autoTopUpId()).isEqualTo(periodic.id());
        assertThat(run.isAutoTopUpRun()).isTrue();
        assertThat(run.payment()).isEqualTo(new PaymentRef(PaymentMethodType.SAVED_METHOD, WEI_CARD));
    }

    @Test
    void aTroubleTicketIsOpenedOnceAndRead() {
        TroubleTicketRequest request = new TroubleTicketRequest("paymentNotApplied", "major", WEI_SIM, "tb-42",
                "Paid top-up tb-42 failed for line ***3123; please apply or refund");

        TroubleTicket ticket = backend.openTroubleTicket(request, "case-1");

        assertThat(ticket.status()).isEqualTo("acknowledged");
        assertThat(backend.openTroubleTicket(request, "case-1")).isEqualTo(ticket);
        assertThat(backend.troubleTicket(ticket.id())).isEqualTo(ticket);
        assertThatThrownBy(() -> backend.troubleTicket("TT-NOTHING")).isInstanceOf(NotFound.class);
    }

    private static String reason(Runnable call) {
        try {
            call.run();
        } catch (Rejected rejected) {
            return rejected.reasonCode();
        }
        throw new AssertionError("not rejected");
    }

    private BigDecimal money(String msisdn) {
        return backend.buckets(msisdn).get(0).remainingValue().amount();
    }

    private static OffsetDateTime now() {
        return sim.clock().now().atOffset(ZoneOffset.UTC);
    }
}
