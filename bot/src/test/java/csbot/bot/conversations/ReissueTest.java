package csbot.bot.conversations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import csbot.backend.AccountBackend;
import csbot.backend.LineStatus;
import csbot.backend.OrderState;
import csbot.backend.http.BackendClientConfig;
import csbot.backend.http.HttpAccountBackend;
import csbot.bot.testing.QrCodes;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.TopUps;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static csbot.bot.testing.Journeys.linkedByContact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reissue of a lost or broken card, as the customer lives it: a lost SIM suspended at once, the identity checked by a
 * code to the account's other number, delivery to a typed address (bad addresses answered while the step waits), the
 * order pushed through to activation; a damaged eSIM with an EID typo, then a valid EID, and the activation code
 * received as a QR image that decodes to exactly the simulator's code; an eSIM review rejected, which opens a trouble
 * ticket and gives the fee back; events lost (My orders catches up) and one arriving late, after the end. Every act is checked in the backend (line status, ICCID, balance, orders, tickets)
 * and in the audit log.
 */
class ReissueTest {

    private static final String WEI_ALTERNATE = "+447400123789";
    private static final Pattern ORDER_ID = Pattern.compile("PO-[0-9A-F]{10}");
    private static final Pattern TICKET_ID = Pattern.compile("TT-[0-9A-F]{10}");

    private static World world;
    private static ConfigurableApplicationContext bot;
    private static AccountBackend backend;
    private static DemoLine ukSim;
    private static DemoLine ukEsim;
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeAll
    static void start() {
        world = World.start();
        bot = world.startBot("csbot.gate.user-updates=200");
        backend = new HttpAccountBackend(BackendClientConfig.defaults(world.simulatorUrl()));
        ukSim = world.ukSim();
        ukEsim = world.ukEsim();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /**
     * The simulator is not reset (that would drop the bot's event subscription); its clock moves past the window
     * that limits codes per line instead, and the audit log is read afresh.
     */
    @BeforeEach
    void freshWindow() {
        world.sim.clock().advance(Duration.ofMinutes(11));
        audit.list.clear();
        audit.start();
        ((Logger) LoggerFactory.getLogger("csbot.audit")).addAppender(audit);
    }

    @Test
    void aLostSimIsSuspendedAtOnceThenDeliveredToATypedAddressAndActivated() {
        Customer wei = linkedByContact(world, ukSim, "en");
        String oldIccid = backend.findLineByMsisdn(ukSim.msisdn()).iccid();
        int smsToTheLostCard = world.sim.sms(ukSim.msisdn()).size();

        wei.says("I lost my SIM card");
        BotMessage reasons = wei.hears("A new SIM card for +44 •••• " + ukSim.lastFour(), "What happened?");
        assertThat(reasons.buttons()).containsExactly("🔎 Lost", "🚨 Stolen", "💥 Damaged / not working",
                "🔒 Locked (asks for PUK)", "❌ Cancel");
        wei.taps("🔎 Lost");
        wei.hears("Suspend +44 •••• " + ukSim.lastFour() + " now?", "receive your verification codes");
        wei.taps("🛑 Yes, suspend it now");
        wei.hears("is suspended: no calls, texts or data");
        assertThat(backend.findLineByMsisdn(ukSim.msisdn()).status()).isEqualTo(LineStatus.SUSPENDED);

        wei.hears("We sent a code to your account's other contact number +44 ••••••3789", "Never share this code");
        assertThat(world.sim.sms(ukSim.msisdn())).as("nothing goes to the lost card").hasSize(smsToTheLostCard);
        wei.says(world.latestCode(WEI_ALTERNATE));
        wei.hears("✅ Thank you, that's you.");
        wei.hears("How would you like to get your new SIM card?");
        wei.taps("🚚 Deliver it to me");
        wei.hears("house number and street, town, and postcode");
        wei.says("London");
        wei.hears("That address looks too short for a courier");
        wei.says("High Street, London SW1A 1AA");
        wei.hears("needs a house or building number");
        wei.says("10 High Street, London");
        wei.hears("needs its postcode");
        wei.says("Flat 2, 10 High Street\nLondon SW1A 1AA");
        wei.hears("We'll send the new SIM to:", "Flat 2, 10 High Street, London SW1A 1AA", "Is that right?");
        wei.taps("✅ Yes, that's right");
        wei.hears("Please check your order", "Number: +44 •••• " + ukSim.lastFour(), "New card: SIM card",
                "Reason: lost", "Delivery to: Flat 2, 10 High Street, London SW1A 1AA",
                "Fee: £5.00, taken from your balance", "the old SIM card stops working for good",
                "other contact number, with a way to cancel");
        wei.taps("✅ Order it (£5.00)");
        BotMessage placed = wei.hears("placed: a new SIM card for +44 •••• " + ukSim.lastFour(), "Status: received");
        wei.hears("Anything else?");
        String orderId = orderIdIn(placed);
        assertThat(world.sim.reissueOrders(ukSim.msisdn())).contains(orderId);
        assertThat(lastSms(WEI_ALTERNATE)).contains("A replacement card was requested", orderId, "Cancel it");
        assertThat(backend.buckets(ukSim.msisdn()).get(0).remainingValue().amount()).isEqualByComparingTo("7.50");

        world.sim.clock().advance(Duration.ofSeconds(15));
        wei.hears("🔧 Order " + orderId + " (+44 •••• " + ukSim.lastFour() + ") is being prepared.");
        world.sim.clock().advance(Duration.ofSeconds(5));
        wei.hears("Order " + orderId + ": your new SIM card for +44 •••• " + ukSim.lastFour() + " is ready",
                "To activate it", "Your number, balance and expiry date are unchanged");
        assertThat(backend.findLineByMsisdn(ukSim.msisdn())).satisfies(line -> {
            assertThat(line.status()).as("the new card brings the line back").isEqualTo(LineStatus.ACTIVE);
            assertThat(line.iccid()).as("the number is on a new card").isNotEqualTo(oldIccid);
        });
        assertThat(audited()).anySatisfy(line -> assertThat(line).contains("event=lineSuspended", "reason=lost"))
                .anySatisfy(line -> assertThat(line).contains("event=reissueOrdered", "order=" + orderId,
                        "card=SIM", "reason=lost", "verifiedBy=linkedTelegram+otpOtherChannel"))
                .anySatisfy(line -> assertThat(line).contains("event=reissueEnded", "order=" + orderId,
                        "state=completed"))
                .allSatisfy(line -> assertThat(line).doesNotContain(ukSim.msisdn(), "High Street"));
    }

    /** Bad input: an EID with a mistyped digit, then something that is not an EID at all, each answered in place. */
    @Test
    void aDamagedEsimGetsItsActivationCodeAsAQrImageAfterAnEidTypoIsCorrected() throws IOException {
        Customer wei = linkedByContact(world, ukEsim, "zh-CN");

        wei.says("我的 eSIM 坏了，想补卡");
        BotMessage reasons = wei.hears("为 +44 •••• " + ukEsim.lastFour() + " 补办 eSIM");
        assertThat(reasons.buttons()).contains("📲 换新手机（转移 eSIM）");
        wei.taps("💥 损坏 / 无法使用");
        wei.hears("验证码已发送到您账户的另一联系号码 +44 ••••••3789");
        wei.says(world.latestCode(WEI_ALTERNATE));
        wei.hears("✅ 验证成功");
        wei.hears("您要使用的手机支持 eSIM 吗？", "设置 › 通用 › 关于本机");
        wei.taps("✅ 支持——我来输入 EID");
        wei.hears("请输入 EID：以 89 开头的 32 位数字");
        wei.says("8904 9032 1234 5678 9012 3456 7890 1299");
        wei.hears("这个 EID 校验不通过");
        wei.says("353918051234563");
        wei.hears("这不是 EID", "15 位的是 IMEI");
        wei.says("8904 9032 1234 5678 9012 3456 7890 1203");
        wei.hears("✅ 已记录 EID 89•••1203。");
        wei.hears("请先备份手机", "旧的 eSIM 配置将永久失效");
        wei.taps("✅ 已备份，继续");
        wei.hears("请核对订单", "新卡：eSIM", "原因：损坏", "EID：89•••1203", "费用：£3.00");
        wei.taps("✅ 确认下单（£3.00）");
        String orderId = orderIdIn(wei.hears("已提交：为 +44 •••• " + ukEsim.lastFour() + " 补办新 eSIM"));
        wei.hears("我的订单");

        world.sim.clock().advance(Duration.ofSeconds(15));
        wei.hears("正在制作中");
        world.sim.clock().advance(Duration.ofSeconds(5));
        BotMessage qr = wei.hears("新 eSIM 已准备好", "SM-DP+ 地址：smdp.csbot-carrier.example", "激活码：",
                "此码只显示一次");
        String activationCode = world.sim.activationCode(orderId).orElseThrow();
        assertThat(qr.photo()).as("the QR code is a photo").isNotNull();
        assertThat(QrCodes.decode(qr.photo())).isEqualTo(activationCode).startsWith("LPA:1$smdp.csbot-carrier.example$");
        assertThat(qr.text()).contains(activationCode.substring(activationCode.lastIndexOf('$') + 1));
        wei.hears("安装方法", "删除旧的 eSIM 配置");
        assertThat(audited()).anySatisfy(line -> assertThat(line).contains("event=activationCodeSent", orderId))
                .allSatisfy(line -> assertThat(line).doesNotContain(activationCode.substring(6)));
        wei.hearsNothingFor(Duration.ofMillis(300));
    }

    /** Failure: the backend's review rejects the order — a trouble ticket is opened and the fee given back. */
    @Test
    void anEsimRejectedInReviewOpensATicketAndShowsInMyOrders() {
        Customer wei = linkedByContact(world, ukEsim, "en");
        String balanceBefore = backend.buckets(ukEsim.msisdn()).get(0).remainingValue().amount().toPlainString();
        world.sim.nextReissueOutcome("rejected", "deviceNotEligible");

        wei.says("/reissue");
        wei.hears("A new eSIM for +44 •••• " + ukEsim.lastFour());
        wei.taps("📲 New phone (move the eSIM)");
        wei.hears("We sent a code");
        wei.says(world.latestCode(WEI_ALTERNATE));
        wei.hears("Thank you");
        wei.hears("Does the phone you'll use support eSIM?");
        wei.taps("✅ Yes — continue without the EID");
        wei.hears("Back up your phone");
        wei.taps("✅ Done, continue");
        wei.hears("Please check your order", "Reason: new phone", "EID: not given", "Fee: £3.00");
        wei.taps("✅ Order it (£3.00)");
        String orderId = orderIdIn(wei.hears("placed: a new eSIM"));
        wei.hears("Anything else?");

        world.sim.clock().advance(Duration.ofSeconds(15));
        wei.hears("is being prepared");
        world.sim.clock().advance(Duration.ofSeconds(5));
        BotMessage rejected = wei.hears("❌ Order " + orderId + " for +44 •••• " + ukEsim.lastFour()
                + " was not approved: the phone can't take this eSIM.", "The fee is back on your balance.",
                "We've opened case TT-", "within one working day");
        Matcher ticket = TICKET_ID.matcher(rejected.text());
        assertThat(ticket.find()).isTrue();
        assertThat(backend.troubleTicket(ticket.group()).status()).isEqualTo("acknowledged");
        assertThat(backend.productOrder(orderId).state()).isEqualTo(OrderState.REJECTED);
        assertThat(backend.buckets(ukEsim.msisdn()).get(0).remainingValue().amount())
                .as("the fee is given back").isEqualByComparingTo(balanceBefore);

        wei.says("/orders");
        wei.hears("📦 My orders", orderId, "eSIM to a new phone", "Status: not approved ❌",
                "Case " + ticket.group() + " is open");
        assertThat(audited()).anySatisfy(line -> assertThat(line).contains("event=reissueEnded", orderId,
                "state=rejected", "reason=deviceNotEligible"));
    }

    /**
     * Failure: the backend's events never reach the bot (no listener subscribed) — opening "My orders" tells what they
     * would have: the eSIM is ready, with its QR code, once.
     */
    @Test
    void aCompletedOrderWhoseEventsWereLostIsToldWhenMyOrdersIsOpened() throws Exception {
        Customer wei = linkedByContact(world, ukEsim, "en");
        Map<String, String> listeners = world.sim.hubListeners();
        listeners.keySet().forEach(backend::unsubscribe);
        try {
            wei.says("/reissue");
            wei.hears("A new eSIM for");
            wei.taps("💥 Damaged / not working");
            wei.hears("We sent a code");
            wei.says(world.latestCode(WEI_ALTERNATE));
            wei.hears("Thank you");
            wei.hears("Does the phone you'll use support eSIM?");
            wei.taps("✅ Yes — continue without the EID");
            wei.hears("Back up your phone");
            wei.taps("✅ Done, continue");
            wei.hears("Please check your order");
            wei.taps("✅ Order it (£3.00)");
            String orderId = orderIdIn(wei.hears("placed: a new eSIM"));
            wei.hears("Anything else?");
            world.sim.clock().advance(Duration.ofSeconds(15));
            world.sim.clock().advance(Duration.ofSeconds(5));
            assertThat(backend.productOrder(orderId).state()).isEqualTo(OrderState.COMPLETED);
            wei.hearsNothingFor(Duration.ofMillis(500));

            wei.says("/orders");
            BotMessage qr = wei.hears("Scan this QR code");
            assertThat(QrCodes.decode(qr.photo())).isEqualTo(world.sim.activationCode(orderId).orElseThrow());
            wei.hears("To install");
            wei.hears("📦 My orders", orderId, "Status: done ✅");
            wei.taps("🔄 Refresh");
            wei.hearsNothingFor(Duration.ofMillis(500)); // the list is unchanged, and the code is not sent again

            // the lost "in progress" event turns up after all, late: after the completion, it says nothing
            String inProgress = world.sim.events().stream()
                    .filter(event -> event.body().contains(orderId) && event.body().contains("\"inProgress\""))
                    .findFirst().orElseThrow().body();
            assertThat(postEvent(inProgress)).isEqualTo(200);
            wei.hearsNothingFor(Duration.ofMillis(500));
        } finally {
            listeners.values().forEach(backend::subscribe);
        }
    }

    /** POSTs an event to the bot's listener, signed as the simulator signs (the default hub secret). */
    private static int postEvent(String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SimulatorConfig.DEFAULT_HUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal((now + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TopUps.botUrl(bot)
                        + "/backend/listener/productOrderStateChangeEvent"))
                .header("Content-Type", "application/json").header("X-Csbot-Timestamp", Long.toString(now))
                .header("X-Csbot-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<String> audited() {
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String orderIdIn(BotMessage message) {
        Matcher id = ORDER_ID.matcher(message.text());
        assertThat(id.find()).as("an order number in %s", message.text()).isTrue();
        return id.group();
    }

    private static String lastSms(String msisdn) {
        List<csbot.sim.Sms> texts = world.sim.sms(msisdn);
        return texts.get(texts.size() - 1).text();
    }

}
