package csbot.dialogs.engine;

import csbot.backend.http.BackendClientConfig;
import csbot.backend.http.HttpAccountBackend;
import csbot.dialogs.balance.BalanceFlow;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Origin;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.language.LanguageFlow;
import csbot.dialogs.link.LinkFlow;
import csbot.dialogs.store.StateCodec;
import csbot.sim.FaultPlan;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine on its own — no Redis, no Telegram — with the real flows and the simulator over HTTP: state in, state
 * and messages out.
 */
class DialogEngineTest {

    private static final String UK_SIM = "+447400123123";
    private static Simulator sim;
    private static DialogEngine engine;
    private static final AtomicLong updates = new AtomicLong();

    private Conversation conversation = new Conversation(Session.idle("first", 0), UserProfile.empty());

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.defaults());
        HttpAccountBackend backend = new HttpAccountBackend(BackendClientConfig.defaults(sim.baseUrl())
                .withRetries(1, Duration.ofMillis(10)).withCircuitBreaker(100, 1000, 1000, Duration.ofMillis(100)));
        engine = new DialogEngine(List.of(new BalanceFlow(backend), new LinkFlow(backend), new LanguageFlow()),
                DialogSettings.defaults(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void aFlowThatEndedCanRunAgainAndAgain() {
        for (int round = 0; round < 3; round++) {
            List<Outbound> chooser = step(new Inbound.Command(origin(), "language", ""));
            assertThat(text(chooser, 0)).as("round %d", round).contains("Please choose your language");
            assertThat(conversation.session().flow()).isEqualTo("lang");

            List<Outbound> chosen = step(button("pick", "en"));
            assertThat(chosen).anySatisfy(o -> assertThat(o).isInstanceOf(Outbound.Edit.class));
            assertThat(conversation.session().inFlow()).isFalse();
            assertThat(conversation.profile().lang()).isEqualTo("en");
        }
    }

    @Test
    void aStaleButtonChangesNothing() {
        step(new Inbound.Command(origin(), "language", ""));
        Session before = conversation.session();
        String staleNonce = "old000";

        List<Outbound> out = step(new Inbound.Button(origin(), "cb", 3,
                CallbackData.event(staleNonce, "lang", "pick", "en")));

        assertThat(out).singleElement().isInstanceOfSatisfying(Outbound.AnswerCallback.class,
                answer -> assertThat(answer.text()).contains("expired"));
        assertThat(conversation.session().nonce()).isEqualTo(before.nonce());
        assertThat(conversation.session().state()).isEqualTo(before.state());
        assertThat(conversation.profile().lang()).isEmpty();
    }

    @Test
    void aBackendOutageKeepsTheStepSoTheCustomerCanTryAgain() {
        step(new Inbound.Command(origin(), "link", ""));
        Session asking = conversation.session();
        sim.faults().set(FaultPlan.errors(1.0, ""));

        List<Outbound> out = step(new Inbound.Text(origin(), UK_SIM));

        assertThat(text(out, 0)).contains("not answering").contains("Nothing was done");
        assertThat(conversation.session().state()).isEqualTo(asking.state());
        assertThat(conversation.session().vars()).isEqualTo(asking.vars());

        sim.faults().clear();
        step(new Inbound.Text(origin(), UK_SIM));
        assertThat(conversation.session().state()).isEqualTo("CODE");
    }

    @Test
    void aSessionFromAFlowThatNoLongerExistsStartsOver() {
        conversation = new Conversation(new Session(Session.SCHEMA, "retired", "SOMEWHERE", Map.of(), "n", 0,
                System.currentTimeMillis()), UserProfile.empty());

        List<Outbound> out = step(new Inbound.Text(origin(), "hello"));

        assertThat(text(out, 0)).contains("Please start again");
        assertThat(conversation.session().inFlow()).isFalse();
    }

    @Test
    void sessionsOfEveryStepStayWellUnderTwoKilobytes() {
        StateCodec codec = new StateCodec();
        step(new Inbound.Command(origin(), "link", ""));
        int asking = size(codec);
        step(new Inbound.Text(origin(), UK_SIM));
        int code = size(codec);
        step(new Inbound.Text(origin(), codeSentTo(UK_SIM)));
        step(new Inbound.Command(origin(), "balance", ""));
        int card = size(codec);

        assertThat(List.of(asking, code, card)).allSatisfy(size -> assertThat(size).isLessThan(512));
        assertThat(conversation.session().vars()).as("no code is kept, only where the flow is")
                .doesNotContainValue(sim.sms(UK_SIM).get(0).text().replaceAll("\\D", ""));
    }

    private int size(StateCodec codec) {
        return codec.write(conversation.session()).getBytes(StandardCharsets.UTF_8).length;
    }

    private String codeSentTo(String msisdn) {
        String text = sim.sms(msisdn).get(sim.sms(msisdn).size() - 1).text();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private List<Outbound> step(Inbound inbound) {
        Conversation.Turned turned = engine.step(conversation, inbound);
        conversation = new Conversation(turned.session(), turned.profile());
        return turned.out();
    }

    private Inbound.Button button(String event, String arg) {
        return new Inbound.Button(origin(), "cb", 3,
                CallbackData.event(conversation.session().nonce(), conversation.session().flow(), event, arg));
    }

    private static Origin origin() {
        return new Origin(updates.incrementAndGet(), 42, 42, "Wei", "en");
    }

    private static String text(List<Outbound> out, int index) {
        Outbound message = out.get(index);
        if (message instanceof Outbound.Say say) {
            return say.text();
        }
        return ((Outbound.Edit) message).text();
    }
}
