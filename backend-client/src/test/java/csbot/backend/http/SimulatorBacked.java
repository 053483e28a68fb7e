package csbot.backend.http;

import csbot.backend.AutoTopUpKind;
import csbot.backend.AutoTopUpRule;
import csbot.backend.Money;
import csbot.backend.PaymentMethodType;
import csbot.backend.PaymentRef;
import csbot.backend.RecurringPeriod;
import csbot.backend.TopUpRequest;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One in-process simulator per test class, re-seeded before every test; a client tuned for quick tests. */
abstract class SimulatorBacked {

    static final String WEI_SIM = "+447400123123";
    static final String WEI_SIM_ICCID = "8944200000000123454";
    static final String WEI_ESIM = "+447400123456";
    static final String CHAN_MEI = "+85251234567";
    static final String LI_NA = "+8613800138000";
    static final String UNKNOWN = "+447400123000";
    /** Added by {@link #addEuroCustomer()}: a line in a currency the simulator has no top-ups for. */
    static final String EURO_LINE = "+33612345678";
    /** Wei's Visa card on file. */
    static final String WEI_CARD = "pm-visa-4242";

    private static final Pattern SIX_DIGITS = Pattern.compile("\\b\\d{6}\\b");
    private static final Map<String, String> CURRENCIES = Map.of(WEI_SIM, "GBP", WEI_ESIM, "GBP", CHAN_MEI, "HKD",
            LI_NA, "CNY", UNKNOWN, "GBP");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static Simulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = Simulator.start(SimulatorConfig.defaults());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    /** Defaults, with short waits so failure tests stay fast. */
    static BackendClientConfig quickConfig() {
        return BackendClientConfig.defaults(sim.baseUrl())
                .withCallTimeout(Duration.ofSeconds(2))
                .withRetries(3, Duration.ofMillis(10));
    }

    /** The code in the last SMS the line received. */
    static String lastCode(String msisdn) {
        String text = sim.sms(msisdn).get(sim.sms(msisdn).size() - 1).text();
        Matcher code = SIX_DIGITS.matcher(text);
        if (!code.find()) {
            throw new AssertionError("no code in the last SMS");
        }
        return code.group();
    }

    /** A top-up paid in Telegram Stars, in the line's currency; the same arguments make an equal request. */
    static TopUpRequest stars(String msisdn, String amount, String planId) {
        return new TopUpRequest(msisdn, Money.of(amount, CURRENCIES.getOrDefault(msisdn, "GBP")), planId,
                new PaymentRef(PaymentMethodType.TELEGRAM_STARS, "tg-charge-" + amount + planId), "telegram");
    }

    /** Wei's card, every month. */
    static AutoTopUpRule monthly(String amount) {
        return new AutoTopUpRule(AutoTopUpKind.PERIODIC, RecurringPeriod.MONTHLY, null, Money.of(amount, "GBP"),
                WEI_CARD, false);
    }

    /** Wei's card, whenever the balance falls below {@code threshold}. */
    static AutoTopUpRule below(String threshold, String amount) {
        return new AutoTopUpRule(AutoTopUpKind.THRESHOLD, null, Money.of(threshold, "GBP"), Money.of(amount, "GBP"),
                WEI_CARD, true);
    }

    static void addEuroCustomer() {
        simPost("sim/admin/customers", "{\"name\":\"Euro User\",\"lines\":[{\"msisdn\":\"" + EURO_LINE
                + "\",\"currency\":\"EUR\",\"balance\":5}]}");
    }

    /** What the customer's browser does on the simulator's checkout page. */
    static void payOnTheCheckoutPage(String paymentLinkId) {
        simPost("checkout/" + paymentLinkId + "/pay", "{\"method\":\"card\"}");
    }

    static void simPost(String path, String json) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new AssertionError("POST " + path + " → " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
