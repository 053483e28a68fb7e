package csbot.dialogs.autotopup;

import csbot.backend.AutoTopUp;
import csbot.backend.AutoTopUpKind;
import csbot.backend.RecurringPeriod;
import csbot.backend.http.BackendClientConfig;
import csbot.backend.http.HttpAccountBackend;
import csbot.dialogs.balance.BalanceFlow;
import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.engine.DialogSettings;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.Session;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Origin;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.link.LinkFlow;
import csbot.dialogs.store.StateCodec;
import csbot.sim.FaultPlan;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto top-up flow in the engine — no Redis, no Telegram — against the simulator over HTTP: what the session
 * keeps, what reaches the backend. Covers a confirm whose answer was lost (retried under the same key: one rule),
 * a confirm tapped twice, a change of kind (new rule, old one cancelled), keyword routing next to the balance flow's
 * shorter keywords, and session size at every step.
 */
class AutoTopUpFlowTest {

    private static final String UK_SIM = "+447400123123";
    private static final AtomicLong updates = new AtomicLong();
    private static Simulator sim;
    private static HttpAccountBackend backend;
    private static DialogEngine engine;

    private Conversation conversation;
    private List<Outbound> last = List.of();

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.defaults());
        backend = new HttpAccountBackend(BackendClientConfig.defaults(sim.baseUrl())
                .withRetries(1, Duration.ofMillis(10)).withCircuitBreaker(100, 1000, 1000, Duration.ofMillis(100)));
        engine = new DialogEngine(List.of(new BalanceFlow(backend), new AutoTopUpFlow(backend),
                new LinkFlow(backend)), DialogSettings.defaults(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void weiWithHisUkSim() {
        sim.reset();
        conversation = new Conversation(Session.idle("first", 0),
                UserProfile.empty().withLine(new LinkedLine(UK_SIM, "contact", 1)));
    }

    @Test
    void aConfirmWhoseAnswerWasLostIsTappedAgainAndMakesOneRule() {
        toConfirmBelowFiveTopUpTen();
        String confirm = data("✅ Confirm");
        sim.faults().set(FaultPlan.drops(1.0, "/ext/v1/thresholdTopups"));

        step(tap(confirm));
        assertThat(texts()).anySatisfy(text -> assertThat(text).contains("not answering"));
        assertThat(conversation.session().state()).as("the step is kept").isEqualTo(AutoTopUpFlow.CONFIRM);
        sim.faults().clear();
        assertThat(backend.autoTopUps(UK_SIM)).as("the backend made it although its answer was lost").hasSize(1);

        step(tap(confirm));
        assertThat(texts()).anySatisfy(text -> assertThat(text).contains("Your auto top-up is set up", "£5.00"));
        assertThat(backend.autoTopUps(UK_SIM)).singleElement().satisfies(rule -> {
            assertThat(rule.rule().kind()).isEqualTo(AutoTopUpKind.THRESHOLD);
            assertThat(rule.rule().threshold().amount()).isEqualByComparingTo("5");
            assertThat(rule.rule().amount().amount()).isEqualByComparingTo("10");
        });
    }

    @Test
    void aConfirmTappedTwiceMakesOneRuleAndTheSecondTapHasExpired() {
        toConfirmBelowFiveTopUpTen();
        String confirm = data("✅ Confirm");

        step(tap(confirm));
        step(tap(confirm));

        assertThat(last).singleElement().isInstanceOfSatisfying(Outbound.AnswerCallback.class,
                answer -> assertThat(answer.text()).contains("expired"));
        assertThat(backend.autoTopUps(UK_SIM)).hasSize(1);
    }

    @Test
    void changingTheKindSetsUpTheNewRuleAndCancelsTheOldOne() {
        start("/autotopup");
        step(tap(data("Set up auto top-up")));
        step(tap(data("Every month")));
        step(tap(data("£20.00")));
        step(tap(data("Visa")));
        step(tap(data("No reminder")));
        step(tap(data("✅ Confirm")));
        String monthly = backend.autoTopUps(UK_SIM).get(0).id();

        step(tap(data("Change scheduled")));
        step(tap(data("When the balance falls below")));
        step(tap(data("Below £10.00")));
        step(tap(data("£20.00")));
        step(tap(data("Visa")));
        step(tap(data("Yes, remind me")));
        assertThat(texts()).anySatisfy(text -> assertThat(text).contains("confirm the change",
                "when the balance falls below £10.00", "£20.00", "Visa •••• 4242", "reminder: on",
                "This replaces your current auto top-up"));
        step(tap(data("✅ Confirm")));

        List<AutoTopUp> inForce = backend.autoTopUps(UK_SIM);
        assertThat(inForce).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isNotEqualTo(monthly);
            assertThat(rule.rule().kind()).isEqualTo(AutoTopUpKind.THRESHOLD);
            assertThat(rule.rule().lowBalanceReminder()).isTrue();
        });
        assertThat(texts()).anySatisfy(text -> assertThat(text).contains("Your auto top-up is changed",
                "When low: £20.00 whenever the balance falls below £10.00").doesNotContain("Scheduled"));
    }

    @Test
    void aChangeOfPeriodKeepsTheRuleAndMovesItsNextRun() {
        start("/autotopup");
        step(tap(data("Set up auto top-up")));
        step(tap(data("Every month")));
        step(text("15"));
        step(tap(data("Visa")));
        step(tap(data("No reminder")));
        step(tap(data("✅ Confirm")));
        AutoTopUp before = backend.autoTopUps(UK_SIM).get(0);

        step(tap(data("Change scheduled")));
        step(tap(data("Every year")));
        step(tap(data("£50.00")));
        step(tap(data("Visa")));
        step(tap(data("No reminder")));
        step(tap(data("✅ Confirm")));

        AutoTopUp after = backend.autoTopUps(UK_SIM).get(0);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.rule().period()).isEqualTo(RecurringPeriod.YEARLY);
        assertThat(after.rule().amount().amount()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(after.nextRunAt()).isAfter(before.nextRunAt().plusMonths(6));
    }

    @Test
    void autoTopUpKeywordsWinOverTheShorterKeywordsInsideThem() {
        step(text("余额低于5镑时自动充值"));
        assertThat(conversation.session().flow()).isEqualTo(AutoTopUpFlow.ID);
        step(new Inbound.Command(origin(), "cancel", ""));

        step(text("Can I set up an auto top-up?"));
        assertThat(conversation.session().flow()).isEqualTo(AutoTopUpFlow.ID);
        step(new Inbound.Command(origin(), "cancel", ""));

        step(text("我想查一下余额"));
        assertThat(conversation.session().flow()).isEqualTo(BalanceFlow.ID);
    }

    @Test
    void sessionsOfEveryStepStayWellUnderTwoKilobytes() {
        StateCodec codec = new StateCodec();
        List<Integer> sizes = new ArrayList<>();
        start("/autotopup");
        sizes.add(size(codec));
        for (String label : List.of("Set up auto top-up", "When the balance falls below", "Below £5.00", "£10.00",
                "Visa", "Yes, remind me")) {
            step(tap(data(label)));
            sizes.add(size(codec));
        }
        assertThat(conversation.session().state()).isEqualTo(AutoTopUpFlow.CONFIRM);
        assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThan(1024));
    }

    // ---- helpers

    private void toConfirmBelowFiveTopUpTen() {
        start("/autotopup");
        step(tap(data("Set up auto top-up")));
        step(tap(data("When the balance falls below")));
        step(text("5"));
        step(text("10"));
        step(tap(data("Visa")));
        step(tap(data("No reminder")));
        assertThat(conversation.session().state()).isEqualTo(AutoTopUpFlow.CONFIRM);
    }

    private int size(StateCodec codec) {
        return codec.write(conversation.session()).getBytes(StandardCharsets.UTF_8).length;
    }

    private void start(String command) {
        step(new Inbound.Command(origin(), command.substring(1), ""));
    }

    private void step(Inbound inbound) {
        Conversation.Turned turned = engine.step(conversation, inbound);
        conversation = new Conversation(turned.session(), turned.profile());
        last = turned.out();
    }

    /** The callback data of the button with this label (or containing it) in the last messages. */
    private String data(String label) {
        List<Keyboard.Inline.Button> buttons = new ArrayList<>();
        for (Outbound out : last) {
            Keyboard keyboard = out instanceof Outbound.Say say ? say.keyboard()
                    : out instanceof Outbound.Edit edit ? edit.keyboard() : Keyboard.NONE;
            if (keyboard instanceof Keyboard.Inline inline) {
                inline.rows().forEach(buttons::addAll);
            }
        }
        return buttons.stream().filter(b -> b.label().equals(label)).findFirst()
                .or(() -> buttons.stream().filter(b -> b.label().contains(label)).findFirst())
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + texts() + " "
                        + buttons.stream().map(Keyboard.Inline.Button::label).toList()))
                .callbackData();
    }

    private List<String> texts() {
        return last.stream().map(out -> out instanceof Outbound.Say say ? say.text()
                : out instanceof Outbound.Edit edit ? edit.text() : "").toList();
    }

    private static Inbound.Button tap(String data) {
        return new Inbound.Button(origin(), "cb", 7, data);
    }

    private static Inbound.Text text(String text) {
        return new Inbound.Text(origin(), text);
    }

    private static Origin origin() {
        return new Origin(updates.incrementAndGet(), 42, 42, "Wei", "en");
    }
}
