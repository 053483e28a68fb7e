package csbot.bot.conversations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.dialogs.topup.InvoicePayload;
import csbot.emulator.ApiCall;
import csbot.emulator.BotMessage;
import csbot.emulator.CallbackAnswer;
import csbot.emulator.Charge;
import csbot.emulator.PaymentResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.Journeys.linksByCode;
import static csbot.bot.testing.TopUps.confirmScreen;
import static csbot.bot.testing.TopUps.invoice;
import static csbot.bot.testing.TopUps.resetBackend;
import static csbot.bot.testing.TopUps.terms;
import static csbot.bot.testing.TopUps.topUpsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must not become a payment, or must not become two: every amount a customer can get wrong (with the exact
 * words they read), buttons that are forged or from an earlier run, a double tap on "Confirm and pay", an invoice
 * paid twice, an invoice past its validity, and an invoice's payload used by someone else or for a line that is not
 * theirs.
 */
@DisplayName("Top-up, bad input: amounts, forged and stale buttons, double taps, old and foreign invoices")
class TopUpBadInputTest {

    private static final Duration QUIET = Duration.ofMillis(400);
    private static final String RANGE = "(£1.00 – £500.00)";
    private static final String EXPIRED_BUTTON = "This button has expired";

    private static World world;
    private static ConfigurableApplicationContext bot;
    private static DemoLine ukSim;
    private static DemoLine ukEsim;
    private static DemoLine hkEsim;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot();
        ukSim = world.ukSim();
        ukEsim = world.ukEsim();
        hkEsim = world.hkEsim();
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
    @DisplayName("typed amounts: not a number, negative, zero, too many decimals, below min, above max — then a good one")
    void everyBadAmountIsExplainedAndNothingIsCharged() {
        Customer wei = linkedByContact(world, ukSim, "en");
        wei.says("top up");
        wei.hears("Choose an amount");
        wei.taps("✏️ Other amount");
        wei.hears("Please type the amount " + RANGE + ":");

        wei.says("ten pounds");
        wei.hears("Please type the amount as a number, e.g. 20 or 25.50 " + RANGE + ".");
        wei.says("12,50");
        wei.hears("Please type the amount as a number, e.g. 20 or 25.50 " + RANGE + ".");
        wei.says("-5");
        wei.hears("The amount must be more than 0 " + RANGE + ".");
        wei.says("0");
        wei.hears("The amount must be more than 0 " + RANGE + ".");
        wei.says("12.345");
        wei.hears("The amount can have at most 2 decimal places, e.g. 25.50.");
        wei.says("0.50");
        wei.hears("The amount must be between £1.00 and £500.00. Please type it again.");
        wei.says("£501");
        wei.hears("The amount must be between £1.00 and £500.00. Please type it again.");
        wei.says("1,000");
        wei.hears("The amount must be between £1.00 and £500.00. Please type it again.");
        assertThat(topUpsOf(world, ukSim.msisdn())).isEmpty();

        wei.says("£12.00");
        wei.hears("Top up £12.00", "How would you like to pay?");
    }

    @Test
    @DisplayName("金额输入错误 (Chinese): a whole-number currency refuses decimals in words that fit it")
    void badAmountsInChineseForAWholeNumberCurrency() {
        Customer mei = linkedByContact(world, hkEsim, "zh-CN");
        mei.says("充值");
        mei.hears("请选择金额");

        mei.says("一百");
        mei.hears("请输入数字金额，例如 20 或 25.50（范围 HK$10.00 – HK$3,000.00）。");
        mei.says("-100");
        mei.hears("金额必须大于 0（范围 HK$10.00 – HK$3,000.00）。");
        mei.says("100.5");
        mei.hears("请输入整数金额，不能有小数（范围 HK$10.00 – HK$3,000.00）。");
        mei.says("5");
        mei.hears("金额需在 HK$10.00 到 HK$3,000.00 之间，请重新输入。");
        mei.says("3001");
        mei.hears("金额需在 HK$10.00 到 HK$3,000.00 之间，请重新输入。");

        mei.says("150");
        mei.hears("充值 HK$150.00", "请选择支付方式");
    }

    @Test
    @DisplayName("forged buttons (another position, a saved method that is not there, another run) are expired")
    void forgedButtonsAreExpired() {
        Customer wei = linkedByContact(world, ukSim, "en");
        linksByCode(world, wei, ukEsim);
        wei.says("top up");
        BotMessage picker = wei.hears("Which number would you like to top up?");
        String pick = picker.button(ukEsim.lastFour()).orElseThrow().callbackData();

        wei.sendsCallbackData(picker, pick.substring(0, pick.lastIndexOf(':')) + ":5");
        assertThat(wei.toast().text()).as("a line past the customer's own").contains(EXPIRED_BUTTON);

        wei.taps(ukEsim.lastFour());
        BotMessage amounts = wei.hears("Top up +44 •••• " + ukEsim.lastFour());
        String preset = amounts.button("£20.00").orElseThrow().callbackData();
        wei.sendsCallbackData(amounts, preset.substring(0, preset.lastIndexOf(':')) + ":9");
        assertThat(wei.toast().text()).as("a preset that was not offered").contains(EXPIRED_BUTTON);

        wei.taps("£20.00");
        BotMessage methods = wei.hears("How would you like to pay?");
        String saved = methods.button("💾 Visa •••• 4242").orElseThrow().callbackData();
        wei.sendsCallbackData(methods, saved.replace("saved0", "saved7"));
        assertThat(wei.toast().text()).as("a saved method the account does not have").contains(EXPIRED_BUTTON);
        wei.sendsCallbackData(methods, "zzzzzz" + saved.substring(saved.indexOf(':')));
        assertThat(wei.toast().text()).as("a button of another run of the flow").contains(EXPIRED_BUTTON);
        wei.hearsNothingFor(QUIET);

        wei.taps("💾 Visa •••• 4242");
        wei.hears("Please confirm your top-up", "£20.00", "Visa •••• 4242 (charged as soon as you confirm)");
        assertThat(topUpsOf(world, ukEsim.msisdn())).as("nothing charged by forged buttons").isEmpty();
    }

    @Test
    @DisplayName("buttons of a finished top-up are expired: an old amount or method does not start a payment")
    void staleButtonsAreExpired() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage invoice = invoice(wei, "£5.00", "⭐ Telegram Stars");

        wei.says("top up");
        BotMessage amounts = wei.hears("Choose an amount");
        wei.says("/cancel");
        wei.hears("Cancelled");
        wei.tapsOn(amounts, "£10.00");
        assertThat(wei.toast().text()).contains(EXPIRED_BUTTON);
        wei.hearsNothingFor(QUIET);
        assertThat(sendInvoiceCalls(wei)).as("only the first run's invoice").hasSize(1);
        assertThat(invoice.messageId()).isPositive();
    }

    @Test
    @DisplayName("double tap on \"Confirm and pay\": one invoice; the second tap is told the button expired")
    void doubleTapOnConfirmSendsOneInvoice() {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage confirm = confirmScreen(wei, "£10.00", "⭐ Telegram Stars");

        wei.tapsOn(confirm, "✅ Confirm and pay");
        wei.tapsOn(confirm, "✅ Confirm and pay");

        wei.hears("Here is your invoice");
        BotMessage invoice = wei.nextMessage();
        assertThat(invoice.telegram().has("invoice")).isTrue();
        // each tap is answered once; the two answers travel as two calls at once and may arrive either way round
        assertThat(wei.toasts(2)).as("the two taps' answers").extracting(CallbackAnswer::text)
                .anyMatch(text -> text.contains(EXPIRED_BUTTON)).anyMatch(text -> !text.contains(EXPIRED_BUTTON));
        wei.hearsNothingFor(QUIET);
        assertThat(sendInvoiceCalls(wei)).hasSize(1);
    }

    @Test
    @DisplayName("paying one invoice twice, one after the other and at the same moment: one charge, one top-up")
    void anInvoicePaidTwiceIsChargedOnce() throws Exception {
        Customer wei = linkedByContact(world, ukSim, "en");
        BotMessage first = invoice(wei, "£5.00", "💳 Card (Telegram Payments)");

        assertThat(wei.user().pay(first).outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        wei.hears("✅ Top-up done! £5.00");
        assertThat(wei.user().pay(first).outcome()).isEqualTo(PaymentResult.Outcome.ALREADY_PAID);

        BotMessage second = invoice(wei, "£10.00", "⭐ Telegram Stars");
        CompletableFuture<PaymentResult> tap1 = CompletableFuture.supplyAsync(() -> wei.user().pay(second));
        CompletableFuture<PaymentResult> tap2 = CompletableFuture.supplyAsync(() -> wei.user().pay(second));
        List<PaymentResult.Outcome> outcomes = List.of(tap1.get(15, TimeUnit.SECONDS).outcome(),
                tap2.get(15, TimeUnit.SECONDS).outcome());
        assertThat(outcomes).containsExactlyInAnyOrder(PaymentResult.Outcome.PAID,
                PaymentResult.Outcome.ALREADY_PAID);
        wei.hears("✅ Top-up done! £10.00", "Balance: £27.50");
        wei.hearsNothingFor(QUIET);

        assertThat(chargesOf(wei)).hasSize(2);
        assertThat(topUpsOf(world, ukSim.msisdn())).extracting(t -> t.idempotencyKey())
                .containsExactlyInAnyOrderElementsOf(chargesOf(wei).stream()
                        .map(Charge::telegramPaymentChargeId).toList());
    }

    @Test
    @DisplayName("an invoice older than its validity is refused at pre-checkout: nothing charged")
    void anExpiredInvoiceIsRefused() throws InterruptedException {
        try (World shortLived = World.start()) {
            shortLived.startBot("csbot.payments.invoice-validity=2s");
            Customer wei = linkedByContact(shortLived, shortLived.ukSim(), "en");
            BotMessage invoice = invoice(wei, "£10.00", "💳 Card (Telegram Payments)");

            Thread.sleep(3_000);
            PaymentResult paid = wei.user().pay(invoice);

            assertThat(paid.outcome()).isEqualTo(PaymentResult.Outcome.DECLINED);
            assertThat(paid.errorMessage())
                    .isEqualTo("This invoice has expired. Please start the top-up again. You have not been charged.");
            assertThat(shortLived.telegram.charges()).isEmpty();
            assertThat(shortLived.sim.ledger()).isEmpty();
            wei.hearsNothingFor(QUIET);
        }
    }

    @Test
    @DisplayName("someone else's invoice, or a payload for a line that is not theirs, is refused at pre-checkout")
    void invoicesOfOthersAreRefused() {
        Customer wei = linkedByContact(world, ukSim, "en");
        Customer mei = linkedByContact(world, hkEsim, "en");
        BotMessage weisInvoice = invoice(wei, "£10.00", "⭐ Telegram Stars");
        String weisPayload = payloadOfInvoiceSentTo(wei);

        // Mei's client sends Wei's invoice payload
        String foreign = preCheckoutFrom(mei, "XTR", 750, weisPayload);
        // a payload with our signature, for Mei's chat, but for Wei's line (as if she had it from an old link)
        String notHers = preCheckoutFrom(mei, "GBP", 1000, new InvoicePayload("forged-order", mei.id(),
                ukSim.msisdn(), "10.00", "GBP", "", Instant.now().plusSeconds(600)).sign(World.PAYLOAD_SECRET));
        // Wei's own payload with the amount changed
        String tampered = preCheckoutFrom(wei, "XTR", 75, weisPayload.replace("|10.00|", "|1.00|"));

        assertThat(answerTo(foreign).param("error_message"))
                .isEqualTo("This invoice is not valid. Please start the top-up again in the chat.");
        assertThat(answerTo(notHers).param("error_message"))
                .isEqualTo("This number is no longer linked to your account. You have not been charged.");
        assertThat(answerTo(tampered).param("error_message"))
                .isEqualTo("This invoice is not valid. Please start the top-up again in the chat.");
        assertThat(world.telegram.charges()).noneMatch(c -> c.userId() == mei.id() || c.userId() == wei.id());
        assertThat(topUpsOf(world, ukSim.msisdn())).isEmpty();

        // Wei's own invoice is still good
        assertThat(wei.user().pay(weisInvoice).outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        wei.hears("✅ Top-up done! £10.00");
        assertThat(terms(weisInvoice).get("total_amount").asInt()).isEqualTo(750);
    }

    // ---- helpers

    /** A pre_checkout_query as a client could send it, with any payload; returns its id. */
    private static String preCheckoutFrom(Customer customer, String currency, int total, String payload) {
        String id = "forged-" + System.nanoTime();
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode query = json.objectNode().put("id", id).put("currency", currency).put("total_amount", total)
                .put("invoice_payload", payload);
        query.set("from", json.objectNode().put("id", customer.id()).put("is_bot", false)
                .put("first_name", customer.user().firstName()).put("language_code", "en"));
        ObjectNode update = json.objectNode();
        update.set("pre_checkout_query", query);
        world.telegram.enqueue(update);
        return id;
    }

    /** The bot's answerPreCheckoutQuery for a query, which must be a refusal. */
    private static ApiCall answerTo(String queryId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<ApiCall> answers = world.telegram.calls("answerPreCheckoutQuery").stream()
                    .filter(call -> call.param("pre_checkout_query_id").equals(queryId)).toList();
            if (!answers.isEmpty()) {
                assertThat(answers).hasSize(1);
                assertThat(answers.get(0).param("ok")).isEqualTo("false");
                return answers.get(0);
            }
            pause(20);
        }
        throw new AssertionError("no answer to pre-checkout query " + queryId);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The payload the bot gave its invoice; the emulator logs a call just after the chat shows its message. */
    private static String payloadOfInvoiceSentTo(Customer customer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sendInvoiceCalls(customer).isEmpty() && System.nanoTime() < deadline) {
            pause(10);
        }
        assertThat(sendInvoiceCalls(customer)).hasSize(1);
        return sendInvoiceCalls(customer).get(0).param("payload");
    }

    private static List<ApiCall> sendInvoiceCalls(Customer customer) {
        return world.telegram.calls("sendInvoice").stream()
                .filter(call -> call.param("chat_id").equals(Long.toString(customer.id()))).toList();
    }

    private static List<Charge> chargesOf(Customer customer) {
        return world.telegram.charges().stream().filter(charge -> charge.userId() == customer.id()).toList();
    }
}
