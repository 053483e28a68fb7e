package csbot.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.emulator.BotMessage;
import csbot.sim.LedgerEntry;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of top-up conversations (in English), and what tests read from Telegram and the backend about them. */
public final class TopUps {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private TopUps() {
    }

    /**
     * "top up" on a customer with one line, an amount button, a way to pay, "Confirm and pay": returns the confirm
     * message (so a test can tap it again). The customer has read everything up to it.
     */
    public static BotMessage confirmScreen(Customer customer, String amountButton, String methodButton) {
        customer.says("top up");
        customer.hears("Choose an amount");
        customer.taps(amountButton);
        customer.hears("How would you like to pay?");
        customer.taps(methodButton);
        return customer.hears("Please confirm your top-up");
    }

    /** As {@link #confirmScreen}, then "Confirm and pay": returns the invoice message. */
    public static BotMessage invoice(Customer customer, String amountButton, String methodButton) {
        confirmScreen(customer, amountButton, methodButton);
        customer.taps("Confirm and pay");
        customer.hears("Here is your invoice");
        return invoiceMessage(customer);
    }

    /** The customer's next message, which must be an invoice. */
    public static BotMessage invoiceMessage(Customer customer) {
        BotMessage invoice = customer.nextMessage();
        assertThat(invoice.telegram().has("invoice")).as("an invoice message\n%s", customer.transcript()).isTrue();
        return invoice;
    }

    /** The invoice part of an invoice message: currency, total_amount, title, description. */
    public static JsonNode terms(BotMessage invoice) {
        return invoice.telegram().get("invoice");
    }

    /**
     * The simulator as seeded, with {@code bot} subscribed to its events again: a reset forgets the hub's
     * subscriptions, and a bot subscribes only when it starts.
     */
    public static void resetBackend(World world, ConfigurableApplicationContext bot) {
        world.sim.reset();
        world.post("hub", "{\"callback\": \"" + botUrl(bot) + "/backend\"}");
    }

    /** Where the bot's own HTTP server (hub listener, actuator) listens. */
    public static String botUrl(ConfigurableApplicationContext bot) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) bot).getWebServer().getPort();
    }

    /** The simulator's top-ups of one line, oldest first. */
    public static List<LedgerEntry> topUpsOf(World world, String msisdn) {
        return world.sim.ledger().stream().filter(entry -> entry.msisdn().equals(msisdn)).toList();
    }

    /** The simulator's top-ups made with this idempotency key. */
    public static List<LedgerEntry> topUpsWithKey(World world, String key) {
        return world.sim.ledger().stream().filter(entry -> entry.idempotencyKey().equals(key)).toList();
    }

    /** GET of a URL, as a browser opens a link; returns the status and body. */
    public static HttpResponse<String> open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /**
     * What a payment button of the checkout page does: its form's {@code method} value POSTed to the form's action,
     * both read from the page.
     */
    public static HttpResponse<String> payOnCheckoutPage(String pageUrl, HttpResponse<String> page, String method) {
        Matcher form = FORM_ACTION.matcher(page.body());
        assertThat(form.find()).as("a payment form on the page").isTrue();
        assertThat(page.body()).contains("name=\"method\" value=\"" + method + "\"");
        return send(HttpRequest.newBuilder(URI.create(pageUrl).resolve(form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("method=" + method)).build());
    }

    /** The simulator's trouble tickets, as {@code GET /sim/troubleTickets} lists them. */
    public static JsonNode troubleTickets(World world) {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(world.sim.baseUrl().resolve("sim/troubleTickets"))
                    .GET().build()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
