package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import csbot.backend.OtpChallenge;
import csbot.sim.FaultPlan;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Client and simulator logs, at debug level, through success and every kind of failure: no number, ICCID or code. */
class LogHygieneTest extends SimulatorBacked {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
    }

    @Test
    void nothingIdentifyingIsLogged() {
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig());
        backend.findLineByMsisdn(WEI_SIM);
        backend.findLineByIccid(WEI_SIM_ICCID);
        backend.buckets(WEI_SIM);
        OtpChallenge challenge = backend.sendOtp(WEI_SIM);
        String code = lastCode(WEI_SIM);
        backend.checkOtp(challenge.id(), code);
        catchThrowable(() -> backend.findLineByMsisdn(UNKNOWN));
        catchThrowable(() -> backend.findLineByIccid("8944200000000123462"));
        catchThrowable(() -> backend.findLineByMsisdn("447400123123"));
        backend.topUpOptions(WEI_SIM);
        backend.savedPaymentMethods(WEI_SIM);
        backend.createTopUp(stars(WEI_SIM, "10.00", ""), "hygiene-1");
        catchThrowable(() -> backend.createTopUp(stars(WEI_SIM, "0.10", ""), "hygiene-2"));
        catchThrowable(() -> backend.topUpOptions(UNKNOWN));
        backend.createPaymentLink(WEI_SIM, csbot.backend.Money.of("10.00", "GBP"), "", "hygiene-3");
        backend.createAutoTopUp(WEI_SIM, below("5.00", "10.00"), "hygiene-4");
        backend.autoTopUps(WEI_SIM);
        sim.clock().advance(java.time.Duration.ofDays(1));
        simPost("sim/admin/usage", "{\"msisdn\":\"" + WEI_SIM + "\",\"amount\":20}"); // a threshold run
        sim.faults().set(FaultPlan.errors(1.0, ""));
        catchThrowable(() -> backend.buckets(WEI_SIM));
        catchThrowable(() -> backend.savedPaymentMethods(WEI_SIM));
        sim.faults().set(FaultPlan.drops(1.0, ""));
        catchThrowable(() -> backend.sendOtp(WEI_SIM));
        catchThrowable(() -> backend.topUpOptions(WEI_SIM));

        List<String> logged = captured.list.stream().flatMap(LogHygieneTest::texts).toList();

        assertThat(logged).isNotEmpty().noneMatch(text -> text.contains("447400123123")
                || text.contains("447400123000") || text.contains(WEI_SIM_ICCID) || text.contains("8944200000000123462")
                || text.contains(code));
    }

    private static Stream<String> texts(ILoggingEvent event) {
        return Stream.concat(Stream.of(event.getFormattedMessage()), throwableMessages(event.getThrowableProxy()));
    }

    private static Stream<String> throwableMessages(IThrowableProxy proxy) {
        if (proxy == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(String.valueOf(proxy.getMessage())), throwableMessages(proxy.getCause()));
    }
}
