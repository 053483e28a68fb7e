package csbot.bot.conversations;

import csbot.backend.AccountBackend;
import csbot.backend.AutoTopUp;
import csbot.backend.AutoTopUpKind;
import csbot.backend.RecurringPeriod;
import csbot.backend.http.BackendClientConfig;
import csbot.backend.http.HttpAccountBackend;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.emulator.CallbackAnswer;
import csbot.sim.LedgerEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static csbot.bot.testing.Journeys.linkedByContact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto top-up: a scheduled one (every month, then every quarter) and a low-balance one (below £5 top up £10, which
 * the simulator then runs when the balance is spent below £5) are set up, changed and cancelled from the same
 * message, in English and Chinese; what is in force is checked in the backend. Bad input covered: a level typed as
 * words, zero, with three decimals, above the largest top-up; an amount typed as words, with a decimal comma, below
 * the smallest top-up; a level with decimals for a line topped up in whole Hong Kong dollars — each answered clearly
 * while the step waits, nothing set up. Also: an account without a saved card or wallet is told why nothing can be
 * set up; confirm tapped twice makes one rule; buttons of a cancelled rule and of the cancel question have expired.
 */
class AutoTopUpTest {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private static World world;
    private static AccountBackend backend;
    private static DemoLine ukSim;
    private static DemoLine hkEsim;
    private static DemoLine cnSuspended;

    @BeforeAll
    static void start() {
        world = World.start();
        // a test taps faster than any customer: the per-user rate limit (UserRateLimitTest) would cut a journey short
        world.startBot("csbot.gate.user-updates=200");
        backend = new HttpAccountBackend(BackendClientConfig.defaults(world.simulatorUrl()));
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
        world.sim.reset();
    }

    @Test
    void aMonthlyTopUpIsSetUpThenMadeQuarterlyThenCancelled() {
        Customer wei = linkedByContact(world, ukSim, "en");

        wei.says("/autotopup");
        wei.hears("🔁 Auto top-up · +44 •••• " + ukSim.lastFour(), "No auto top-up is set up on this number");
        wei.taps("➕ Set up auto top-up");
        BotMessage kinds = wei.hears("New auto top-up for +44 •••• " + ukSim.lastFour(), "When should we top up?");
        assertThat(kinds.buttons()).containsExactly("📅 Every month", "📅 Every quarter", "📅 Every year",
                "📉 When the balance falls below a level", "⬅️ Back");
        wei.taps("📅 Every month");
        wei.hears("How much should each top-up add (every month)?", "£1.00 – £500.00");
        wei.taps("£10.00");
        wei.hears("Which saved card or wallet should pay £10.00 every month?");
        wei.taps("💳 Visa •••• 4242");
        wei.hears("reminder when the balance is low?");
        wei.taps("🔔 Yes, remind me");
        wei.hears("Please confirm your new auto top-up", "🔁 When: every month", "💰 Amount: £10.00",
                "💳 Charged to: Visa •••• 4242", "🔔 Low-balance reminder: on");
        wei.taps("✅ Confirm");
        LocalDate today = world.sim.clock().now().atOffset(ZoneOffset.UTC).toLocalDate();
        BotMessage monthly = wei.hears("✅ Your auto top-up is set up.", "📅 Scheduled: £10.00 every month",
                "Next top-up: " + EN_DATE.format(today.plusMonths(1)), "Charged to: Visa •••• 4242",
                "Low-balance reminder: on");
        assertThat(monthly.buttons()).contains("➕ Add a low-balance top-up", "✏️ Change scheduled",
                "🗑 Cancel scheduled");
        assertThat(backend.autoTopUps(ukSim.msisdn())).singleElement().satisfies(rule -> {
            assertThat(rule.rule().kind()).isEqualTo(AutoTopUpKind.PERIODIC);
            assertThat(rule.rule().period()).isEqualTo(RecurringPeriod.MONTHLY);
            assertThat(rule.rule().amount().amount()).isEqualByComparingTo("10");
            assertThat(rule.rule().paymentMethodId()).isEqualTo("pm-visa-4242");
            assertThat(rule.rule().lowBalanceReminder()).isTrue();
        });

        wei.taps("✏️ Change scheduled");
        BotMessage changeKinds = wei.hears("Change the auto top-up of +44 •••• " + ukSim.lastFour());
        assertThat(changeKinds.buttons()).contains("📅 Every quarter", "📉 When the balance falls below a level");
        wei.taps("📅 Every quarter");
        wei.hears("How much should each top-up add (every quarter)?");
        wei.says("25");
        wei.hears("Which saved card or wallet should pay £25.00 every quarter?");
        wei.taps("💳 Visa •••• 4242");
        wei.hears("reminder");
        wei.taps("🔕 No reminder");
        wei.hears("Please confirm the change to your auto top-up", "every quarter", "£25.00", "reminder: off");
        wei.taps("✅ Confirm");
        wei.hears("✅ Your auto top-up is changed.", "📅 Scheduled: £25.00 every quarter",
                "Next top-up: " + EN_DATE.format(today.plusMonths(3)), "Low-balance reminder: off");
        AutoTopUp quarterly = backend.autoTopUps(ukSim.msisdn()).get(0);
        assertThat(quarterly.rule().period()).isEqualTo(RecurringPeriod.QUARTERLY);
        assertThat(quarterly.rule().amount().amount()).isEqualByComparingTo("25");

        String cancelScheduled = monthly.button("🗑 Cancel scheduled").orElseThrow().callbackData();
        wei.taps("🗑 Cancel scheduled");
        BotMessage sure = wei.hears("Cancel the scheduled auto top-up of £25.00 every quarter on +44 •••• "
                + ukSim.lastFour() + "?", "No more top-ups will be charged");
        String yes = sure.button("✅ Yes, cancel it").orElseThrow().callbackData();
        wei.taps("✅ Yes, cancel it");
        BotMessage cancelled = wei.hears("✅ Auto top-up cancelled.", "No auto top-up is set up on this number");
        assertThat(cancelled.buttons()).contains("➕ Set up auto top-up").doesNotContain("🗑 Cancel scheduled");
        assertThat(backend.autoTopUps(ukSim.msisdn())).isEmpty();

        wei.sendsCallbackData(sure, yes);
        assertThat(wei.toast().text()).as("the cancel question's button, once answered").contains("expired");
        wei.sendsCallbackData(monthly, cancelScheduled);
        assertThat(wei.toast().text()).as("the cancel button of a rule no longer in force").contains("expired");
        wei.hearsNothingFor(Duration.ofMillis(300));
    }

    @Test
    void aLowBalanceTopUpInChineseRunsWhenTheBalanceIsSpentBelowItsLevelAndCanBeChangedAndCancelled() {
        Customer wei = linkedByContact(world, ukSim, "zh-CN");

        wei.says("我想设置自动充值");
        wei.hears("🔁 自动充值 · +44 •••• " + ukSim.lastFour(), "这个号码还没有设置自动充值");
        wei.taps("➕ 设置自动充值");
        wei.hears("什么时候充值？");
        wei.taps("📉 余额低于设定金额时");
        BotMessage levels = wei.hears("余额低于多少时自动充值", "最高 £500.00");
        assertThat(levels.buttons()).containsExactly("低于 £5.00", "低于 £10.00", "低于 £20.00", "⬅️ 返回", "❌ 取消");
        wei.taps("低于 £5.00");
        wei.hears("每次充值多少（余额低于 £5.00 时）");
        wei.taps("£10.00");
        wei.hears("余额低于 £5.00 时充值 £10.00", "请选择扣款的银行卡或钱包");
        wei.taps("Visa •••• 4242");
        wei.hears("余额不足时是否同时提醒您");
        wei.taps("🔕 不需要提醒");
        wei.hears("请确认新的自动充值", "时间：余额低于 £5.00 时", "金额：£10.00", "扣款方式：Visa •••• 4242",
                "余额不足提醒：关闭");
        wei.taps("✅ 确认");
        wei.hears("✅ 自动充值已设置。", "📉 低余额充值：余额低于 £5.00 时充值 £10.00", "扣款方式：Visa •••• 4242");
        String ruleId = backend.autoTopUps(ukSim.msisdn()).get(0).id();

        // £12.50 spent down to £4.50: the simulator runs the rule once
        world.post("sim/admin/usage", "{\"msisdn\":\"" + ukSim.msisdn() + "\",\"amount\":8.00}");
        List<LedgerEntry> runs = world.sim.ledger().stream().filter(e -> ruleId.equals(e.autoTopUpId())).toList();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.channel()).isEqualTo("autoTopup");
            assertThat(run.amount()).isEqualByComparingTo("10");
            assertThat(run.paymentReference()).isEqualTo("pm-visa-4242");
            assertThat(run.applied()).isTrue();
        });
        wei.says("余额");
        wei.hears("余额：£14.50");

        wei.says("/autotopup");
        wei.hears("低余额充值：余额低于 £5.00 时充值 £10.00");
        wei.taps("✏️ 修改低余额充值");
        BotMessage kinds = wei.hears("修改 +44 •••• " + ukSim.lastFour() + " 的自动充值");
        assertThat(kinds.buttons()).contains("📅 每月", "📉 余额低于设定金额时");
        wei.taps("📉 余额低于设定金额时");
        wei.hears("余额低于多少时自动充值");
        wei.says("8");
        wei.hears("每次充值多少（余额低于 £8.00 时）");
        wei.taps("£20.00");
        wei.hears("请选择扣款的银行卡或钱包");
        wei.taps("Visa •••• 4242");
        wei.hears("提醒");
        wei.taps("🔔 开启提醒");
        wei.hears("请确认对自动充值的修改", "余额低于 £8.00 时", "£20.00", "余额不足提醒：开启");
        wei.taps("✅ 确认");
        wei.hears("✅ 自动充值已修改。", "余额低于 £8.00 时充值 £20.00", "余额不足提醒：开启");
        assertThat(backend.autoTopUps(ukSim.msisdn())).singleElement().satisfies(rule -> {
            assertThat(rule.id()).as("the same rule, changed").isEqualTo(ruleId);
            assertThat(rule.rule().threshold().amount()).isEqualByComparingTo("8");
            assertThat(rule.rule().amount().amount()).isEqualByComparingTo("20");
        });

        wei.taps("🗑 取消低余额充值");
        wei.hears("确定要取消 +44 •••• " + ukSim.lastFour() + " 的余额低于 £8.00 时充值 £20.00 的自动充值吗？");
        wei.taps("⬅️ 保留");
        wei.hears("👍 自动充值保持不变。", "余额低于 £8.00 时充值 £20.00");
        assertThat(backend.autoTopUps(ukSim.msisdn())).hasSize(1);
        wei.taps("🗑 取消低余额充值");
        wei.hears("确定要取消");
        wei.taps("✅ 确定取消");
        wei.hears("✅ 自动充值已取消", "这个号码还没有设置自动充值");
        assertThat(backend.autoTopUps(ukSim.msisdn())).isEmpty();
    }

    @Test
    void badLevelsAndAmountsGetAClearAnswerAndTheStepWaits() {
        Customer wei = linkedByContact(world, ukSim, "en");
        wei.says("auto top-up");
        wei.hears("🔁 Auto top-up");
        wei.taps("➕ Set up auto top-up");
        wei.hears("When should we top up?");
        wei.taps("📉 When the balance falls below a level");
        wei.hears("falls below which level?");

        wei.says("five pounds");
        wei.hears("Please type the level as a number, e.g. 5 or 7.50 (up to £500.00).");
        wei.says("0");
        wei.hears("The level must be more than 0");
        wei.says("4.999");
        wei.hears("at most 2 decimal places");
        wei.says("£1000");
        wei.hears("The level can be at most £500.00. Please type it again.");
        wei.says("£7.50");
        wei.hears("How much should each top-up add (when the balance falls below £7.50)?");

        wei.says("lots");
        wei.hears("Please type the amount as a number", "(£1.00 – £500.00)");
        wei.says("12,50");
        wei.hears("Please type the amount as a number");
        wei.says("0.50");
        wei.hears("The amount must be between £1.00 and £500.00. Please type it again.");
        wei.says("12.50");
        wei.hears("Which saved card or wallet should pay £12.50 when the balance falls below £7.50?");

        wei.says("/cancel");
        wei.hears("Cancelled");
        assertThat(backend.autoTopUps(ukSim.msisdn())).as("nothing was set up").isEmpty();
    }

    @Test
    void anAccountWithoutASavedCardOrWalletIsToldWhyNothingCanBeSetUp() {
        Customer li = linkedByContact(world, cnSuspended, "zh-CN");

        li.says("自动续费");
        BotMessage overview = li.hears("🔁 自动充值 · +86 •••• " + cnSuspended.lastFour(), "这个号码还没有设置自动充值",
                "自动充值需要从您账户中已保存的银行卡或钱包扣款", "没有保存任何支付方式", "暂时无法设置",
                "客服热线 ☎️ +852 3000 1234");
        assertThat(overview.buttons()).doesNotContain("➕ 设置自动充值").contains("💳 立即充值", "⬅️ 返回");
        assertThat(backend.autoTopUps(cnSuspended.msisdn())).isEmpty();
    }

    @Test
    void confirmTappedTwiceSetsUpOneAutoTopUp() {
        Customer mei = linkedByContact(world, hkEsim, "en");
        mei.says("/autotopup");
        mei.hears("🔁 Auto top-up · +852 •••• " + hkEsim.lastFour());
        mei.taps("➕ Set up auto top-up");
        mei.hears("When should we top up?");
        mei.taps("📉 When the balance falls below a level");
        mei.hears("falls below which level?", "HK$3,000.00");
        mei.says("7.5");
        mei.hears("The level must be a whole amount here, e.g. 50");
        mei.taps("Below HK$50.00");
        mei.hears("How much should each top-up add");
        mei.taps("HK$100.00");
        mei.hears("Which saved card or wallet should pay HK$100.00 when the balance falls below HK$50.00?");
        mei.taps("Alipay");
        mei.hears("reminder");
        mei.taps("🔔 Yes, remind me");
        BotMessage confirm = mei.hears("Please confirm your new auto top-up", "when the balance falls below HK$50.00",
                "HK$100.00", "支付宝 Alipay");
        String data = confirm.button("✅ Confirm").orElseThrow().callbackData();

        mei.sendsCallbackData(confirm, data);
        mei.sendsCallbackData(confirm, data);

        BotMessage done = mei.hears("✅ Your auto top-up is set up.",
                "The balance is HK$8.00 now, already below HK$50.00",
                "When low: HK$100.00 whenever the balance falls below HK$50.00");
        assertThat(done.buttons()).contains("💳 Top up now");
        // two taps at once are answered by two calls at once, which may arrive either way round
        assertThat(mei.toasts(2)).as("the two taps' answers").extracting(CallbackAnswer::text)
                .anyMatch(text -> text.contains("expired")).anyMatch(text -> !text.contains("expired"));
        mei.hearsNothingFor(Duration.ofMillis(300));
        assertThat(backend.autoTopUps(hkEsim.msisdn())).singleElement()
                .satisfies(rule -> assertThat(rule.rule().paymentMethodId()).isEqualTo("pm-alipay-mei"));
    }
}
