package csbot.bot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import csbot.bot.testing.Customer;
import csbot.bot.testing.DemoLine;
import csbot.bot.testing.World;
import csbot.emulator.BotMessage;
import csbot.sim.Sms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static csbot.bot.testing.Journeys.linkedByContact;
import static csbot.bot.testing.Journeys.linksByCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logs of the whole test run (every test class logs to one file, see {@code logback-test.xml}; the build runs
 * this class after all the others, see the bot's pom) hold no phone number in clear, no one-time code, no PUK and no
 * activation code. Before searching, this class itself runs the
 * journeys that handle such secrets with our own loggers at debug level: linking by an SMS code, a wrong code, an eSIM
 * reissue through to its QR code, a PUK disclosure — so at least these secrets are known and searched for by value;
 * numbers (E.164 or the demo lines' digits) and activation codes ({@code LPA:1$…}, matching IDs) are searched for by
 * shape in everything the run logged.
 */
class LogHygieneTest {

    private static final String WEI_ALTERNATE = "+447400123789";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9A-Za-z])\\d{6}(?![0-9A-Za-z])");
    private static final Pattern ORDER_ID = Pattern.compile("PO-[0-9A-F]{10}");
    /** A number in international form, with or without spaces between digit groups. */
    private static final Pattern E164 = Pattern.compile("\\+\\d[\\d ]{6,16}\\d");
    private static final Pattern MATCHING_ID = Pattern.compile("\\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\\b");

    private static World world;
    private static Level previousLevel;

    @BeforeAll
    static void start() {
        world = World.start();
        world.startBot("csbot.gate.user-updates=200");
        Logger ours = (Logger) LoggerFactory.getLogger("csbot");
        previousLevel = ours.getLevel();
        ours.setLevel(Level.DEBUG);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("csbot")).setLevel(previousLevel);
        world.close();
    }

    @Test
    void noPhoneNumberCodePukOrActivationCodeIsLogged() throws IOException {
        List<String> secrets = new ArrayList<>();
        DemoLine ukSim = world.ukSim();
        DemoLine ukEsim = world.ukEsim();

        Customer wei = linkedByContact(world, ukSim, "en");
        linksByCode(world, wei, ukEsim);

        wei.says("/puk");
        wei.hears("Which number's SIM asks for a PUK?");
        wei.taps("+44 •••• " + ukSim.lastFour());
        wei.hears("We sent a code");
        String code = world.latestCode(WEI_ALTERNATE);
        wei.says(code.equals("000000") ? "111111" : "000000");
        wei.hears("That code is not right");
        wei.says(code);
        Matcher puk = Pattern.compile("is: (\\d{8})").matcher(wei.hears("The PUK of").text());
        assertThat(puk.find()).isTrue();
        secrets.add(puk.group(1));

        wei.says("/reissue");
        wei.hears("Which number needs a new SIM or eSIM?");
        wei.taps("+44 •••• " + ukEsim.lastFour());
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
        wei.taps("✅ Order it");
        Matcher order = ORDER_ID.matcher(wei.hears("placed: a new eSIM").text());
        assertThat(order.find()).isTrue();
        wei.hears("Anything else?");
        world.sim.clock().advance(Duration.ofSeconds(15));
        wei.hears("is being prepared");
        world.sim.clock().advance(Duration.ofSeconds(5));
        BotMessage qr = wei.hears("Scan this QR code");
        assertThat(qr.photo()).isNotNull();
        String activationCode = world.sim.activationCode(order.group()).orElseThrow();
        secrets.add(activationCode);
        secrets.add(activationCode.substring(activationCode.lastIndexOf('$') + 1));

        for (String number : List.of(ukSim.msisdn(), ukEsim.msisdn(), WEI_ALTERNATE)) {
            for (Sms sms : world.sim.sms(number)) {
                Matcher codes = SIX_DIGITS.matcher(sms.text());
                while (codes.find()) {
                    secrets.add(codes.group());
                }
            }
        }
        assertThat(secrets).as("codes, the PUK and the activation code were handled").hasSizeGreaterThan(4);

        // the search itself: a number is found in either written form, a masked one is not
        assertThat(E164.matcher("to +447400123123 now").find()).isTrue();
        assertThat(E164.matcher("to +44 7400 123123 now").find()).isTrue();
        assertThat(E164.matcher("to +44 ••••••3123 now").find()).isFalse();

        Path log = testRunLog();
        List<String> lines;
        try (Stream<String> read = Files.lines(log, StandardCharsets.UTF_8)) {
            lines = read.toList();
        }
        assertThat(lines).as("the test run's log %s", log).isNotEmpty();
        List<String> demoDigits = world.demoLines().stream().map(line -> line.msisdn().substring(1)).toList();
        for (String line : lines) {
            assertThat(line).as("a number in clear in %s", log).doesNotContainPattern(E164.pattern())
                    .doesNotContain(demoDigits.toArray(String[]::new))
                    .doesNotContain(WEI_ALTERNATE.substring(1));
            assertThat(line).as("an activation code in %s", log).doesNotContain("LPA:1$")
                    .doesNotContainPattern(MATCHING_ID.pattern());
            for (String secret : secrets) {
                assertThat(SIX_DIGITS.matcher(secret).matches()
                        ? Pattern.compile("(?<![0-9A-Za-z])" + secret + "(?![0-9A-Za-z])").matcher(line).find()
                        : line.contains(secret)).as("a code, PUK or activation code in %s: %s", log, line).isFalse();
            }
        }
    }

    private static Path testRunLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        FileAppender<?> appender = (FileAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("TEST_RUN_FILE");
        assertThat(appender).as("logback-test.xml's file appender").isNotNull();
        return Path.of(appender.getFile());
    }
}
