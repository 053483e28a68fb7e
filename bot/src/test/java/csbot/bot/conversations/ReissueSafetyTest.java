package csbot.bot.conversations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import csbot.backend.AccountBackend;
import csbot.backend.LineStatus;
import csbot.backend.OrderState;
import csbot.backend.http.BackendClientConfig;
import csbot.backend.http.HttpAccountBackend;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static csbot.bot.testing.Journeys.linkedByContact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a reissue safe and lets the customer back out: the account's SIM-change lock refuses it with how to
 * remove it (a lost card can still be suspended); three wrong codes lock the check and warn the account holder on the other number; the PUK is shown once
 * after the check (also offered instead of a new card for a locked SIM); /cancel at every step of a SIM and an eSIM
 * reissue leaves no order (and a line not suspended unless the customer asked); buttons of a cancelled run, a
 * confirm tapped twice and a forged store button are expired.
 */
class ReissueSafetyTest {

    private static final String WEI_ALTERNATE = "+447400123789";
    private static final String LI_NA_ALTERNATE = "+8613900139000";

    private static World world;
    private static AccountBackend backend;
    private static DemoLine ukSim;
    private static DemoLine ukEsim;
    private static DemoLine cnSim;
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeAll
    static void start() {
        world = World.start();
        world.startBot("csbot.gate.user-updates=200");
        backend = new HttpAccountBackend(BackendClientConfig.defaults(world.simulatorUrl()));
        ukSim = world.ukSim();
        ukEsim = world.ukEsim();
        cnSim = world.cnSuspended();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** Past the window that limits codes per line (the simulator is not reset: the bot's subscription would go). */
    @BeforeEach
    void freshWindow() {
        world.sim.clock().advance(Duration.ofMinutes(11));
        audit.list.clear();
        audit.start();
        ((Logger) LoggerFactory.getLogger("csbot.audit")).addAppender(audit);
    }

    @Test
    void aSimChangeLockRefusesTheReissueAndSaysHowToRemoveItButALostCardCanStillBeSuspended() {
        Customer wei = linkedByContact(world, ukEsim, "en");
        int codes = world.sim.sms(WEI_ALTERNATE).size();
        world.sim.simChangeLock(ukEsim.msisdn(), true);
        try {
            wei.says("/reissue");
            BotMessage refused = wei.hears("🔒 +44 •••• " + ukEsim.lastFour() + " has a SIM-change lock",
                    "Account › Security › SIM-change lock", "visit a store with your ID",
                    "If the card is lost or stolen, you can still stop it now");
            assertThat(refused.buttons()).containsExactly("🛑 Lost: suspend it now", "🛑 Stolen: suspend it now",
                    "❌ Cancel");
            wei.taps("🛑 Stolen: suspend it now");
            wei.hears("is suspended: no calls, texts or data", "remove the SIM-change lock first");
            assertThat(backend.findLineByMsisdn(ukEsim.msisdn()).status()).isEqualTo(LineStatus.SUSPENDED);
            assertThat(audited()).anySatisfy(line -> assertThat(line).contains("event=lineSuspended",
                    "reason=stolen"));
            assertThat(world.sim.sms(WEI_ALTERNATE)).as("no code was sent").hasSize(codes);
            assertThat(world.sim.reissueOrders(ukEsim.msisdn())).isEmpty();
        } finally {
            world.sim.simChangeLock(ukEsim.msisdn(), false);
            backend.resumeLine(ukEsim.msisdn());
        }
    }

    /** Bad input: three wrong codes, then a code typed with letters (not counted, not sent to the backend). */
    @Test
    void threeWrongCodesLockTheCheckAndWarnTheAccountHolderOnTheOtherNumber() {
        Customer liNa = linkedByContact(world, cnSim, "en");
        liNa.says("/reissue");
        liNa.hears("A new SIM card for +86 •••• " + cnSim.lastFour());
        liNa.taps("💥 Damaged / not working");
        liNa.hears("We sent a code to your account's other contact number +86 •••••••9000");
        String wrong = otherThan(world.latestCode(LI_NA_ALTERNATE));
        liNa.says("12ab56");
        liNa.hears("Please type the 6-digit code");
        liNa.says(wrong);
        liNa.hears("❌ That code is not right. You have 2 more tries.");
        liNa.says(wrong);
        liNa.hears("You have 1 more tries.");
        liNa.says(wrong);
        liNa.hears("🔒 Three wrong codes", "paused for 30 minutes", "told you on your other contact number");
        assertThat(lastSms(LI_NA_ALTERNATE)).contains("Three wrong codes were entered for a SIM replacement of",
                cnSim.lastFour());
        assertThat(audited()).anySatisfy(line -> assertThat(line).contains("event=verificationLocked",
                "purpose=reissue"));

        liNa.says("/reissue");
        liNa.hears("A new SIM card");
        liNa.taps("💥 Damaged / not working");
        liNa.hears("After three wrong codes this is paused for 30 minutes");
        liNa.says("/puk");
        liNa.hears("After three wrong codes this is paused for 30 minutes");
        assertThat(world.sim.reissueOrders(cnSim.msisdn())).isEmpty();
    }

    @Test
    void thePukIsShownOnceAfterTheCheckAlsoWhenALockedSimAsksForANewCard() {
        Customer wei = linkedByContact(world, ukSim, "en");
        int ordersBefore = world.sim.reissueOrders(ukSim.msisdn()).size();
        wei.says("/reissue");
        wei.hears("What happened?");
        wei.taps("🔒 Locked (asks for PUK)");
        wei.hears("its PUK unlocks it in a minute, with no new card and no fee");
        wei.taps("🔑 Show me the PUK");
        wei.hears("Let's get your PUK.");
        wei.hears("We sent a code to your account's other contact number");
        wei.says(world.latestCode(WEI_ALTERNATE));
        BotMessage puk = wei.hears("🔑 The PUK of +44 •••• " + ukSim.lastFour() + " is: ",
                "after 10 wrong PUKs the SIM is destroyed", "We show it only this once");
        Matcher digits = Pattern.compile("is: (\\d{8})\\n").matcher(puk.text());
        assertThat(digits.find()).as("eight digits in %s", puk.text()).isTrue();
        assertThat(audited()).anySatisfy(line -> assertThat(line).contains("event=pukDisclosed",
                "verifiedBy=linkedTelegram+otpOtherChannel")).allSatisfy(line -> assertThat(line)
                .doesNotContain(digits.group(1)));
        assertThat(world.sim.reissueOrders(ukSim.msisdn()).size()).as("no new card").isEqualTo(ordersBefore);

        wei.says("PUK");
        wei.hears("We sent a code");
        wei.says("/cancel");
        wei.hears("Cancelled");
    }

    @Test
    void cancellingAtEveryStepOfASimReissueLeavesNoOrder() {
        Customer wei = linkedByContact(world, ukSim, "en");
        List<String> ordersBefore = world.sim.reissueOrders(ukSim.msisdn());
        List<List<String>> journeys = List.of(
                List.of("REASON"),
                List.of("REASON", "lost"),
                List.of("REASON", "locked"),
                List.of("REASON", "damaged"),
                List.of("REASON", "damaged", "code"),
                List.of("REASON", "damaged", "code", "delivery"),
                List.of("REASON", "damaged", "code", "delivery", "address"),
                List.of("REASON", "damaged", "code", "pickup"),
                List.of("REASON", "damaged", "code", "pickup", "store"));
        for (List<String> steps : journeys) {
            world.sim.clock().advance(Duration.ofMinutes(11));
            walk(wei, steps);
            wei.says("/cancel");
            wei.hears("Cancelled");
            assertThat(world.sim.reissueOrders(ukSim.msisdn())).as("after /cancel at %s", steps)
                    .isEqualTo(ordersBefore);
            assertThat(backend.findLineByMsisdn(ukSim.msisdn()).status()).as("after /cancel at %s", steps)
                    .isEqualTo(LineStatus.ACTIVE);
        }
        // the ❌ button of the summary, too
        world.sim.clock().advance(Duration.ofMinutes(11));
        walk(wei, List.of("REASON", "damaged", "code", "pickup", "store"));
        wei.taps("❌ Cancel");
        wei.hears("Nothing was ordered.");
        assertThat(world.sim.reissueOrders(ukSim.msisdn())).isEqualTo(ordersBefore);
    }

    @Test
    void cancellingAtEveryStepOfAnEsimReissueLeavesNoOrder() {
        Customer wei = linkedByContact(world, ukEsim, "en");
        List<String> ordersBefore = world.sim.reissueOrders(ukEsim.msisdn());
        List<List<String>> journeys = List.of(
                List.of("REASON", "damaged", "code"),
                List.of("REASON", "damaged", "code", "eid"),
                List.of("REASON", "damaged", "code", "eid", "skip"),
                List.of("REASON", "damaged", "code", "eid", "skip", "backedUp"));
        for (List<String> steps : journeys) {
            world.sim.clock().advance(Duration.ofMinutes(11));
            walk(wei, steps);
            wei.says("/cancel");
            wei.hears("Cancelled");
            assertThat(world.sim.reissueOrders(ukEsim.msisdn())).as("after /cancel at %s", steps)
                    .isEqualTo(ordersBefore);
        }
    }

    /**
     * Stale and forged buttons: a reason button of a cancelled run, a store button naming a store not offered, and
     * the order button tapped a second time are all "expired"; exactly one order is placed.
     */
    @Test
    void buttonsOfAnEndedRunAndForgedButtonsHaveExpired() {
        Customer wei = linkedByContact(world, ukSim, "en");
        int ordersBefore = world.sim.reissueOrders(ukSim.msisdn()).size();
        wei.says("/reissue");
        BotMessage reasons = wei.hears("What happened?");
        String damaged = reasons.button("💥 Damaged / not working").orElseThrow().callbackData();
        wei.says("/cancel");
        wei.hears("Cancelled");
        wei.sendsCallbackData(reasons, damaged);
        assertThat(wei.toast().text()).contains("expired");

        walk(wei, List.of("REASON", "damaged", "code"));
        wei.taps("🏬 Pick it up in a store");
        BotMessage stores = wei.hears("Pick the store");
        String firstStore = stores.button("🏬 London Oxford Street").orElseThrow().callbackData();
        wei.sendsCallbackData(stores, firstStore.substring(0, firstStore.lastIndexOf(':') + 1) + "9");
        assertThat(wei.toast().text()).as("a store the customer was never offered").contains("expired");
        wei.taps("🏬 London Oxford Street");
        BotMessage summary = wei.hears("Please check your order", "Pickup: London Oxford Street");
        String confirm = summary.button("✅ Order it (£5.00)").orElseThrow().callbackData();
        wei.taps("✅ Order it (£5.00)");
        wei.hears("placed: a new SIM card");
        wei.hears("Anything else?");
        wei.sendsCallbackData(summary, confirm);
        assertThat(wei.toast().text()).as("the order button tapped again").contains("expired");
        assertThat(world.sim.reissueOrders(ukSim.msisdn())).hasSize(ordersBefore + 1);
        // the order ends so later tests may order again
        world.sim.clock().advance(Duration.ofSeconds(15));
        wei.hears("is being prepared");
        world.sim.clock().advance(Duration.ofSeconds(5));
        wei.hears("is ready");
    }

    /**
     * "Not you? Cancel it": the notice to the other number points to My orders, where an order not started yet has a
     * Cancel button; the fee comes back and the order never goes ahead. Once work has started the button is gone.
     */
    @Test
    void anOrderIsCancelledFromMyOrdersBeforeWorkStarts() {
        Customer wei = linkedByContact(world, ukSim, "en");
        walk(wei, List.of("REASON", "damaged", "code", "pickup", "store"));
        wei.taps("✅ Order it (£5.00)");
        Matcher placed = Pattern.compile("PO-[0-9A-F]{10}").matcher(wei.hears("placed: a new SIM card").text());
        assertThat(placed.find()).isTrue();
        String orderId = placed.group();
        wei.hears("Anything else?");
        assertThat(lastSms(WEI_ALTERNATE)).contains(orderId, "Not you? Cancel it under My orders");

        wei.says("/orders");
        BotMessage orders = wei.hears("📦 My orders", orderId, "Status: received ✔️ (can still be cancelled)");
        assertThat(orders.buttons()).contains("❌ Cancel " + orderId);
        wei.taps("❌ Cancel " + orderId);
        // the list, edited in place, and the order's event: in either order
        List<String> told = List.of(wei.nextMessage().text(), wei.nextMessage().text());
        assertThat(told).anySatisfy(text -> assertThat(text).contains(
                "Order " + orderId + " is cancelled; the fee goes back to your balance.", "Status: cancelled"))
                .anySatisfy(text -> assertThat(text).contains(
                        "Order " + orderId + " (+44 •••• " + ukSim.lastFour() + ") was cancelled. The fee is back"));
        assertThat(backend.buckets(ukSim.msisdn()).get(0).remainingValue().amount()).isEqualByComparingTo("12.50");

        world.sim.clock().advance(Duration.ofSeconds(20));
        wei.hearsNothingFor(Duration.ofMillis(500));
        assertThat(backend.productOrder(orderId).state()).isEqualTo(OrderState.CANCELLED);
    }

    /** Walks a reissue of the customer's one line through the named steps, checking each answer. */
    private static void walk(Customer customer, List<String> steps) {
        Map<String, Runnable> step = Map.of(
                "REASON", () -> {
                    customer.says("/reissue");
                    customer.hears("What happened?");
                },
                "lost", () -> {
                    customer.taps("🔎 Lost");
                    customer.hears("now?");
                },
                "locked", () -> {
                    customer.taps("🔒 Locked (asks for PUK)");
                    customer.hears("PUK unlocks it");
                },
                "damaged", () -> {
                    customer.taps("💥 Damaged / not working");
                    customer.hears("We sent a code");
                },
                "code", () -> {
                    customer.says(world.latestCode(WEI_ALTERNATE));
                    customer.hears("Thank you");
                    customer.hears("?");
                },
                "delivery", () -> {
                    customer.taps("🚚 Deliver it to me");
                    customer.hears("delivery address");
                },
                "address", () -> {
                    customer.says("Flat 2, 10 High Street, London SW1A 1AA");
                    customer.hears("Is that right?");
                },
                "pickup", () -> {
                    customer.taps("🏬 Pick it up in a store");
                    customer.hears("Pick the store");
                },
                "store", () -> {
                    customer.taps("🏬 London Oxford Street");
                    customer.hears("Please check your order");
                });
        Map<String, Runnable> esim = Map.of(
                "eid", () -> {
                    customer.taps("✅ Yes — I'll type the EID");
                    customer.hears("Please type the EID");
                },
                "skip", () -> {
                    customer.taps("Skip");
                    customer.hears("Back up your phone");
                },
                "backedUp", () -> {
                    customer.taps("✅ Done, continue");
                    customer.hears("Please check your order");
                });
        for (String name : steps) {
            step.getOrDefault(name, esim.get(name)).run();
        }
    }

    private List<String> audited() {
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String otherThan(String code) {
        StringBuilder wrong = new StringBuilder();
        for (char digit : code.toCharArray()) {
            wrong.append((char) ('0' + (digit - '0' + 1) % 10));
        }
        return wrong.toString();
    }

    private static String lastSms(String msisdn) {
        List<csbot.sim.Sms> texts = world.sim.sms(msisdn);
        return texts.get(texts.size() - 1).text();
    }
}
