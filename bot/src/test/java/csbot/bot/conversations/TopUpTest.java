package csbot.bot.conversations;

import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.Charge;
import csbot.emulator.InlineButton;
import csbot.emulator.PaymentResult;
import csbot.sim.LedgerEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.TopUps.invoiceMessage;
import static csbot.bot.testing.TopUps.open;
import static csbot.bot.testing.TopUps.payOnCheckoutPage;
import static csbot.bot.testing.TopUps.terms;
import static csbot.bot.testing.TopUps.resetBackend;
import static csbot.bot.testing.TopUps.topUpsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Top-up, one journey per way to pay, each ending as a customer checks a top-up worked: a confirmation with the new
 * balance, the new expiry date and the line's status — and in the simulator's ledger exactly one top-up, made with
 * the payment's own key.
 */
@DisplayName("Top-up: Stars, card through Telegram, the payment page and a saved method, each end to end")
class TopUpTest {

    /** A top-up's outcome may come from the follow-up or an event: a little longer than a plain turn. */
    private static final Duration OUTCOME = Duration.ofSeconds(10);

    private static World world;
    private static ConfigurableApplicationContext bot;
    private static DemoLine ukSim;
    private static DemoLine hkEsim;
    private static DemoLine cnSuspended;

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot();
        ukSim = world.ukSim();
        hkEsim = world.hkEsim();
        cnSuspended = world.cnSuspended();
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
    @DisplayName("Telegram Stars: £10.00 is 750 ⭐; paid, the line has £22.50, 30 more days and is active")
    void stars() {
        Customer wei = linkedByContact(world, ukSim, "en");

        wei.says("top up");
        BotMessage amounts = wei.hears("💳 Top up +44 •••• " + ukSim.lastFour(), "Choose an amount");
        assertThat(amounts.buttons()).contains("£5.00", "£10.00", "£20.00", "£50.00",
                "🔢 Keep number 30 days · £5.00", "✏️ Other amount", "❌ Cancel");
        wei.taps("£10.00");
        BotMessage methods = wei.hears("Top up £10.00", "How would you like to pay?");
        assertThat(methods.buttons()).containsExactly("⭐ Telegram Stars (750 ⭐)", "💳 Card (Telegram Payments)",
                "🌐 Pay online (card / Alipay / WeChat Pay)", "💾 Visa •••• 4242", "⬅️ Back", "❌ Cancel");
        wei.taps("⭐ Telegram Stars");
        wei.hears("Please confirm your top-up", "+44 •••• " + ukSim.lastFour(), "£10.00",
                "Telegram Stars, 750 ⭐ in all");
        wei.taps("✅ Confirm and pay");
        wei.hears("Here is your invoice", "valid for 15 minutes");
        BotMessage invoice = invoiceMessage(wei);
        assertThat(terms(invoice).get("currency").asText()).isEqualTo("XTR");
        assertThat(terms(invoice).get("total_amount").asInt()).isEqualTo(750);
        assertThat(terms(invoice).get("title").asText()).isEqualTo("Top-up £10.00");

        PaymentResult paid = wei.user().pay(invoice);

        assertThat(paid.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        BotMessage done = wei.hears(OUTCOME, "✅ Top-up done! £10.00 added to +44 •••• " + ukSim.lastFour());
        assertThat(done.text()).contains("✅ Active", "Balance: £22.50")
                .containsPattern("Valid until .* \\(7[45] days left\\)");
        LedgerEntry topUp = onlyTopUp(ukSim);
        assertThat(topUp.idempotencyKey()).isEqualTo(paid.telegramPaymentChargeId());
        assertThat(topUp.paymentMethod()).isEqualTo("telegramStars");
        assertThat(topUp.paymentReference()).isEqualTo(paid.telegramPaymentChargeId());
        assertThat(topUp.amount()).isEqualByComparingTo("10.00");
        assertThat(topUp.applied()).isTrue();
        assertThat(world.telegram.refunds()).noneMatch(refund -> refund.userId() == wei.id());
    }

    @Test
    @DisplayName("card through the payment provider: a typed £25.50 is a GBP invoice of 2550 pence; the line has £38.00")
    void cardThroughTelegramPayments() {
        Customer wei = linkedByContact(world, ukSim, "en");

        wei.says("top up");
        wei.hears("Choose an amount");
        wei.says("£25.50");
        wei.hears("Top up £25.50", "How would you like to pay?");
        wei.taps("💳 Card (Telegram Payments)");
        wei.hears("Please confirm your top-up", "£25.50", "card (Telegram Payments)");
        wei.taps("✅ Confirm and pay");
        wei.hears("Here is your invoice");
        BotMessage invoice = invoiceMessage(wei);
        assertThat(terms(invoice).get("currency").asText()).isEqualTo("GBP");
        assertThat(terms(invoice).get("total_amount").asInt()).as("pence").isEqualTo(2550);
        assertThat(terms(invoice).get("description").asText()).contains("£25.50", ukSim.lastFour());

        PaymentResult paid = wei.user().pay(invoice);

        assertThat(paid.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(paid.providerPaymentChargeId()).isNotBlank();
        BotMessage done = wei.hears(OUTCOME, "✅ Top-up done! £25.50 added to +44 •••• " + ukSim.lastFour());
        assertThat(done.text()).contains("✅ Active", "Balance: £38.00")
                .containsPattern("Valid until .* \\(7[45] days left\\)");
        LedgerEntry topUp = onlyTopUp(ukSim);
        assertThat(topUp.idempotencyKey()).isEqualTo(paid.telegramPaymentChargeId());
        assertThat(topUp.paymentMethod()).isEqualTo("telegramProvider");
        assertThat(topUp.amount()).isEqualByComparingTo("25.50");
        assertThat(topUp.currency()).isEqualTo("GBP");
        assertThat(topUp.applied()).isTrue();
        assertThat(chargesOf(wei)).hasSize(1);
        Charge charge = chargesOf(wei).get(0);
        assertThat(charge.currency()).isEqualTo("GBP");
        assertThat(charge.totalAmount()).isEqualTo(2550);
    }

    @Test
    @DisplayName("网页支付 (payment page): paid by Alipay on the page, the suspended line is topped up and active again")
    void paymentLinkInChinese() {
        Customer li = linkedByContact(world, cnSuspended, "zh-CN");

        li.says("充值");
        li.hears("为 +86 •••• " + cnSuspended.lastFour() + " 充值", "请选择金额");
        li.taps("¥50.00");
        li.hears("充值 ¥50.00", "请选择支付方式");
        li.taps("🌐 网页支付");
        li.hears("请确认充值", "¥50.00", "网页支付（银行卡 / 支付宝 / 微信支付）");
        li.taps("✅ 确认支付");
        BotMessage link = li.hears("请点击下方按钮", "30 分钟内有效");
        InlineButton openPage = link.button("🌐 打开支付页面").orElseThrow();
        assertThat(openPage.url()).startsWith(world.simulatorUrl() + "checkout/");

        HttpResponse<String> page = open(openPage.url());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CNY 50.00", cnSuspended.lastFour(), "支付宝 · Alipay");
        assertThat(payOnCheckoutPage(openPage.url(), page, "alipay").statusCode()).isLessThan(400);

        BotMessage done = li.hears(OUTCOME, "✅ 充值成功！¥50.00 已充入 +86 •••• " + cnSuspended.lastFour());
        assertThat(done.text()).as("service restored").contains("✅ 正常使用", "余额：¥70.00")
                .containsPattern("有效期至 .*（还剩 (29|30) 天）");
        LedgerEntry topUp = onlyTopUp(cnSuspended);
        assertThat(topUp.paymentMethod()).isEqualTo("paymentLink");
        assertThat(topUp.amount()).isEqualByComparingTo("50.00");
        assertThat(topUp.applied()).isTrue();
        assertThat(chargesOf(li)).as("nothing paid through Telegram").isEmpty();
    }

    @Test
    @DisplayName("已保存的支付宝 (saved method): charged on confirm, HK$100 → HK$108.00, 30 more days")
    void savedMethodInChinese() {
        Customer mei = linkedByContact(world, hkEsim, "zh-CN");

        mei.says("充值");
        mei.hears("请选择金额");
        mei.taps("HK$100");
        BotMessage methods = mei.hears("充值 HK$100", "请选择支付方式");
        assertThat(methods.buttons()).contains("⭐ Telegram Stars（800 ⭐）", "💳 银行卡（Telegram 支付）",
                "💾 支付宝 Alipay · 陈*");
        mei.taps("💾 支付宝 Alipay · 陈*");
        mei.hears("请确认充值", "HK$100", "支付宝 Alipay · 陈*（确认后立即扣款）");
        mei.taps("✅ 确认支付");
        mei.hears("💳 正在从 支付宝 Alipay · 陈* 扣款");

        BotMessage done = mei.hears(OUTCOME, "✅ 充值成功！HK$100", "+852 •••• " + hkEsim.lastFour());
        assertThat(done.text()).contains("✅ 正常使用", "余额：HK$108.00")
                .containsPattern("有效期至 .*（还剩 3[56] 天）");
        LedgerEntry topUp = onlyTopUp(hkEsim);
        assertThat(topUp.paymentMethod()).isEqualTo("savedMethod");
        assertThat(topUp.paymentReference()).isEqualTo("pm-alipay-mei");
        assertThat(topUp.amount()).isEqualByComparingTo(new BigDecimal("100"));
        assertThat(topUp.applied()).isTrue();
        assertThat(chargesOf(mei)).as("nothing paid through Telegram").isEmpty();
    }

    private static List<Charge> chargesOf(Customer customer) {
        return world.telegram.charges().stream().filter(charge -> charge.userId() == customer.id()).toList();
    }

    private static LedgerEntry onlyTopUp(DemoLine line) {
        List<LedgerEntry> topUps = topUpsOf(world, line.msisdn());
        assertThat(topUps).as("top-ups of the line in the simulator's ledger").hasSize(1);
        return topUps.get(0);
    }
}
