package csbot.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.RefundedPayment;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paying an invoice: the user's pay() against the real client as the bot, polling and answering.
 * Pre-checkout queries expire after 800 ms here instead of Telegram's 10 s.
 */
class PaymentsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private TelegramEmulator telegram;
    private TelegramClient bot;
    private FakeUser ann;
    private int offset;

    @BeforeEach
    void start() {
        telegram = TelegramEmulator.start(EmulatorConfig.defaults().withPreCheckoutTimeout(TIMEOUT));
        bot = BotClients.clientFor(telegram);
        ann = telegram.user(1001, "Ann", "en").withPhoneNumber("+447700900123");
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void aStarsPaymentIsAPreCheckoutThenOneChargeAndASuccessfulPayment() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");

        CompletableFuture<PaymentResult> paying = CompletableFuture.supplyAsync(() -> ann.pay(invoice));
        PreCheckoutQuery query = nextUpdate().getPreCheckoutQuery();
        assertThat(query.getFrom().getId()).isEqualTo(1001L);
        assertThat(query.getCurrency()).isEqualTo("XTR");
        assertThat(query.getTotalAmount()).isEqualTo(250);
        assertThat(query.getInvoicePayload()).isEqualTo("topup:42");
        assertThat(query.getOrderInfo()).isNull();
        assertThat(bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(query.getId()).ok(true).build()))
                .isTrue();

        PaymentResult result = paying.get(5, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(result.charged()).isTrue();
        assertThat(result.preCheckoutQueryId()).isEqualTo(query.getId());
        assertThat(result.telegramPaymentChargeId()).startsWith("stx");
        assertThat(result.providerPaymentChargeId()).isEmpty();
        Update paid = nextUpdate();
        assertThat(paid.getMessage().getFrom().getId()).isEqualTo(1001L);
        assertThat(paid.getMessage().getChatId()).isEqualTo(1001L);
        SuccessfulPayment payment = paid.getMessage().getSuccessfulPayment();
        assertThat(payment.getCurrency()).isEqualTo("XTR");
        assertThat(payment.getTotalAmount()).isEqualTo(250);
        assertThat(payment.getInvoicePayload()).isEqualTo("topup:42");
        assertThat(payment.getTelegramPaymentChargeId()).isEqualTo(result.telegramPaymentChargeId());
        assertThat(telegram.charges()).singleElement().satisfies(charge -> {
            assertThat(charge).isEqualTo(result.charge());
            assertThat(charge.userId()).isEqualTo(1001L);
            assertThat(charge.invoiceMessageId()).isEqualTo(invoice.messageId());
            assertThat(charge.stars()).isTrue();
        });
        assertThat(ann.nextPreCheckoutAnswer().ok()).isTrue();
        assertThat(ann.transcript()).contains("pre-checkout ok").contains("💳 paid ⭐ 250 for #" + invoice.messageId());
    }

    @Test
    void payingAPaidInvoiceAgainChargesNothingAndAsksTheBotNothing() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");
        PaymentResult first = payAnswering(invoice, true, null);
        nextUpdate();

        PaymentResult again = ann.pay(invoice);

        assertThat(again.outcome()).isEqualTo(PaymentResult.Outcome.ALREADY_PAID);
        assertThat(again.charged()).isFalse();
        assertThat(again.charge()).isEqualTo(first.charge());
        assertThat(again.preCheckoutQueryId()).isNull();
        assertThat(telegram.charges()).hasSize(1);
        assertThat(poll(0)).isEmpty();
    }

    @Test
    void aDoubleTapIsOnePreCheckoutAndOneCharge() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");

        CompletableFuture<PaymentResult> tap1 = CompletableFuture.supplyAsync(() -> ann.pay(invoice));
        CompletableFuture<PaymentResult> tap2 = CompletableFuture.supplyAsync(() -> ann.pay(invoice));
        PreCheckoutQuery query = nextUpdate().getPreCheckoutQuery();
        bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(query.getId()).ok(true).build());

        assertThat(List.of(tap1.get(5, TimeUnit.SECONDS).outcome(), tap2.get(5, TimeUnit.SECONDS).outcome()))
                .containsExactlyInAnyOrder(PaymentResult.Outcome.PAID, PaymentResult.Outcome.ALREADY_PAID);
        assertThat(nextUpdate().getMessage().hasSuccessfulPayment()).isTrue();
        assertThat(poll(0)).as("no second pre-checkout").isEmpty();
        assertThat(telegram.charges()).hasSize(1);
    }

    @Test
    void aFiatPaymentCarriesTheProviderChargeAndWhatTheFormAskedFor() throws Exception {
        BotMessage invoice = sent(InvoiceTest.pounds(ann.chatId(), 1250, "topup:43").needName(true)
                .needPhoneNumber(true));

        CompletableFuture<PaymentResult> paying = CompletableFuture.supplyAsync(() -> ann.pay(invoice));
        PreCheckoutQuery query = nextUpdate().getPreCheckoutQuery();
        assertThat(query.getCurrency()).isEqualTo("GBP");
        assertThat(query.getTotalAmount()).isEqualTo(1250);
        assertThat(query.getOrderInfo().getName()).isEqualTo("Ann");
        assertThat(query.getOrderInfo().getPhoneNumber()).isEqualTo("447700900123");
        bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(query.getId()).ok(true).build());

        PaymentResult result = paying.get(5, TimeUnit.SECONDS);
        SuccessfulPayment payment = nextUpdate().getMessage().getSuccessfulPayment();
        assertThat(payment.getProviderPaymentChargeId()).startsWith("ch_").isEqualTo(result.providerPaymentChargeId());
        assertThat(payment.getTelegramPaymentChargeId()).isEqualTo(result.telegramPaymentChargeId());
        assertThat(payment.getOrderInfo().getName()).isEqualTo("Ann");
        assertThat(telegram.charges()).singleElement().satisfies(charge -> {
            assertThat(charge.currency()).isEqualTo("GBP");
            assertThat(charge.totalAmount()).isEqualTo(1250);
            assertThat(charge.stars()).isFalse();
        });
    }

    @Test
    void aDeclinedPreCheckoutChargesNothingAndTheUserSeesWhy() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");

        PaymentResult result = payAnswering(invoice, false, "This offer has expired, please start again");

        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.DECLINED);
        assertThat(result.charged()).isFalse();
        assertThat(result.errorMessage()).isEqualTo("This offer has expired, please start again");
        assertThat(telegram.charges()).isEmpty();
        assertThat(poll(0)).as("no successful_payment").isEmpty();
        assertThat(ann.transcript()).contains("pre-checkout declined \"This offer has expired, please start again\"");
    }

    @Test
    void aPreCheckoutNobodyAnswersInTimeChargesNothingAndALateAnswerIsRefused() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");
        long before = System.nanoTime();

        PaymentResult result = ann.pay(invoice);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isBetween(700L, 3000L);
        assertThat(result.outcome()).isEqualTo(PaymentResult.Outcome.NOT_ANSWERED);
        assertThat(telegram.charges()).isEmpty();
        PreCheckoutQuery query = nextUpdate().getPreCheckoutQuery();
        assertThat(query.getId()).isEqualTo(result.preCheckoutQueryId());
        assertThatThrownBy(() -> bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(query.getId())
                .ok(true).build())).hasMessageContaining("query is too old");
        assertThat(poll(0)).isEmpty();
    }

    @Test
    void aQueryIsAnsweredOnceAndADeclineNeedsItsReason() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");
        String id = ann.sendPreCheckout(invoice);
        assertThat(nextUpdate().getPreCheckoutQuery().getId()).isEqualTo(id);

        HttpResponse<String> noReason = BotClients.raw(telegram, "answerPreCheckoutQuery",
                "{\"pre_checkout_query_id\":\"" + id + "\",\"ok\":false}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("parameter \\\"error_message\\\" is required");

        bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(id).ok(false).errorMessage("Sold out").build());
        assertThat(ann.nextPreCheckoutAnswer().errorMessage()).isEqualTo("Sold out");
        assertThatThrownBy(() -> bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(id).ok(true).build()))
                .hasMessageContaining("query ID is invalid");
        assertThatThrownBy(() -> bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId("12345").ok(true)
                .build())).hasMessageContaining("query ID is invalid");
        assertThat(telegram.charges()).isEmpty();
    }

    @Test
    void aSuccessfulPaymentDeliveredTwiceIsOneCharge() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");
        PaymentResult paid = payAnswering(invoice, true, null);
        Update first = nextUpdate();

        ann.sendSuccessfulPayment(invoice, paid.telegramPaymentChargeId());

        Update again = nextUpdate();
        assertThat(again.getUpdateId()).isNotEqualTo(first.getUpdateId());
        assertThat(again.getMessage().getSuccessfulPayment()).isEqualTo(first.getMessage().getSuccessfulPayment());
        assertThat(telegram.charges()).hasSize(1);

        ann.sendSuccessfulPayment(invoice, "stxTestMadeSecondCharge");
        assertThat(nextUpdate().getMessage().getSuccessfulPayment().getTelegramPaymentChargeId())
                .isEqualTo("stxTestMadeSecondCharge");
        assertThat(telegram.charges()).extracting(Charge::telegramPaymentChargeId)
                .containsExactly(paid.telegramPaymentChargeId(), "stxTestMadeSecondCharge");
    }

    @Test
    void aStarsChargeIsRefundedOnce() throws Exception {
        BotMessage invoice = starsInvoice(250, "topup:42");
        PaymentResult paid = payAnswering(invoice, true, null);
        nextUpdate();
        RefundStarPayment refund = RefundStarPayment.builder().userId(1001L)
                .telegramPaymentChargeId(paid.telegramPaymentChargeId()).build();

        assertThat(bot.execute(refund)).isTrue();

        assertThat(telegram.refunds()).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(1001L);
            assertThat(r.telegramPaymentChargeId()).isEqualTo(paid.telegramPaymentChargeId());
            assertThat(r.currency()).isEqualTo("XTR");
            assertThat(r.totalAmount()).isEqualTo(250);
        });
        RefundedPayment notice = nextUpdate().getMessage().getRefundedPayment();
        assertThat(notice.getTelegramPaymentChargeId()).isEqualTo(paid.telegramPaymentChargeId());
        assertThat(notice.getTotalAmount()).isEqualTo(250);
        assertThat(notice.getInvoicePayload()).isEqualTo("topup:42");
        assertThatThrownBy(() -> bot.execute(refund)).hasMessageContaining("CHARGE_ALREADY_REFUNDED");
        assertThatThrownBy(() -> bot.execute(RefundStarPayment.builder().userId(1001L)
                .telegramPaymentChargeId("stxNoSuchCharge").build())).hasMessageContaining("CHARGE_NOT_FOUND");
        assertThatThrownBy(() -> bot.execute(RefundStarPayment.builder().userId(2002L)
                .telegramPaymentChargeId(paid.telegramPaymentChargeId()).build()))
                .hasMessageContaining("CHARGE_NOT_FOUND");
        assertThat(telegram.refunds()).hasSize(1);
        assertThat(telegram.calls("refundStarPayment")).extracting(ApiCall::ok)
                .containsExactly(true, false, false, false);
        assertThat(poll(0)).isEmpty();
    }

    @Test
    void aFiatChargeIsNoStarsPaymentToRefund() throws Exception {
        BotMessage invoice = sent(InvoiceTest.pounds(ann.chatId(), 1250, "topup:43"));
        PaymentResult paid = payAnswering(invoice, true, null);

        assertThatThrownBy(() -> bot.execute(RefundStarPayment.builder().userId(1001L)
                .telegramPaymentChargeId(paid.telegramPaymentChargeId()).build()))
                .hasMessageContaining("CHARGE_NOT_FOUND");
        assertThat(telegram.refunds()).isEmpty();
    }

    @Test
    void onlyAnInvoiceCanBePaid() throws TelegramApiException {
        bot.execute(SendMessage.builder().chatId(ann.chatId()).text("Top up?").build());
        BotMessage text = ann.nextMessage();

        assertThatThrownBy(() -> ann.pay(text)).isInstanceOf(ConversationAssertionError.class)
                .hasMessageContaining("is not an invoice").hasMessageContaining("bot   ← #1 Top up?");
        assertThatThrownBy(() -> ann.pay(new BotMessage(1001, 99, "", List.of(), null, false, null, Json.object())))
                .hasMessageContaining("no bot message #99");
        assertThatThrownBy(() -> telegram.user(2002, "Bob", "en").pay(text)).hasMessageContaining("is in chat 1001");
    }

    private BotMessage starsInvoice(int stars, String payload) throws TelegramApiException {
        return sent(InvoiceTest.stars(ann.chatId(), stars, payload));
    }

    private BotMessage sent(SendInvoice.SendInvoiceBuilder<?, ?> invoice) throws TelegramApiException {
        bot.execute(invoice.build());
        return ann.nextMessage();
    }

    /** Pays while the bot answers the pre-checkout query as told; the query update is read. */
    private PaymentResult payAnswering(BotMessage invoice, boolean ok, String errorMessage) throws Exception {
        CompletableFuture<PaymentResult> paying = CompletableFuture.supplyAsync(() -> ann.pay(invoice));
        String id = nextUpdate().getPreCheckoutQuery().getId();
        bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(id).ok(ok).errorMessage(errorMessage).build());
        return paying.get(5, TimeUnit.SECONDS);
    }

    private Update nextUpdate() throws TelegramApiException {
        List<Update> updates = poll(5);
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }

    /** Confirms what was read before and long-polls for what comes next. */
    private List<Update> poll(int timeoutSeconds) throws TelegramApiException {
        List<Update> updates = bot.execute(GetUpdates.builder().offset(offset).timeout(timeoutSeconds).limit(1)
                .build());
        if (!updates.isEmpty()) {
            offset = updates.get(updates.size() - 1).getUpdateId() + 1;
        }
        return updates;
    }
}
