package csbot.bot.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.bot.CsbotApplication;
import csbot.emulator.EmulatorConfig;
import csbot.emulator.TelegramEmulator;
import csbot.sim.Simulator;
import csbot.sim.SimulatorConfig;
import csbot.sim.Sms;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.KeyScanCursor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a conversation test talks to, for real and over HTTP: the account backend simulator, the Telegram Bot
 * API emulator, the Redis on 127.0.0.1:6379 (under a key prefix of this world's own, removed at the end), and bot
 * instances — started, stopped and restarted as the test needs.
 */
public final class World implements AutoCloseable {

    public static final String REDIS_URL = "redis://127.0.0.1:6379";
    /** A Telegram payment provider's test token: card invoices are offered next to Stars. */
    public static final String PROVIDER_TOKEN = "284685063:TEST:world";
    /** Signs the bots' invoice payloads, the same for every instance (as in production). */
    public static final String PAYLOAD_SECRET = "test-invoice-payload-secret";
    private static final AtomicLong USER_IDS = new AtomicLong(700_000_000L + (System.nanoTime() % 1_000_000L) * 100);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    public final Simulator sim;
    public final TelegramEmulator telegram;
    public final String keyPrefix = "test:" + UUID.randomUUID() + ":";
    private final List<ConfigurableApplicationContext> bots = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private World(Simulator sim, TelegramEmulator telegram) {
        this.sim = sim;
        this.telegram = telegram;
    }

    public static World start() {
        return start(EmulatorConfig.defaults());
    }

    public static World start(EmulatorConfig emulator) {
        Simulator sim = Simulator.start(SimulatorConfig.defaults());
        return new World(sim, TelegramEmulator.start(emulator));
    }

    /**
     * Starts a bot instance in long-polling mode against this world. Extra properties ({@code name=value}) override
     * the defaults; per-chat sending is fast here so conversations do not wait on Telegram's 1 message/s, which
     * the sender's own test checks.
     */
    public ConfigurableApplicationContext startBot(String... overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("csbot.telegram.token", telegram.token());
        properties.put("csbot.telegram.api-url", telegram.baseUrl());
        properties.put("csbot.telegram.mode", "polling");
        properties.put("csbot.telegram.poll-timeout-seconds", "1");
        properties.put("csbot.backend.base-url", sim.baseUrl().toString());
        properties.put("csbot.backend.circuit-open-for", "2s");
        properties.put("csbot.redis.url", REDIS_URL);
        properties.put("csbot.redis.key-prefix", keyPrefix);
        properties.put("csbot.backend.hub.secret", SimulatorConfig.DEFAULT_HUB_SECRET);
        properties.put("csbot.backend.hub.callback-url", "auto");
        properties.put("csbot.payments.provider-token", PROVIDER_TOKEN);
        properties.put("csbot.payments.payload-secret", PAYLOAD_SECRET);
        properties.put("csbot.payments.follow-up-every", "200ms");
        properties.put("csbot.sender.per-chat-per-second", "50");
        properties.put("csbot.sender.per-chat-burst", "10");
        properties.put("csbot.sender.global-per-second", "1000");
        // alerts must not wait for the night to end in a test that happens to run at night
        properties.put("csbot.alerts.default-quiet-hours", "off");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        for (String override : overrides) {
            int eq = override.indexOf('=');
            properties.put(override.substring(0, eq), override.substring(eq + 1));
        }
        // as command-line arguments: builder "properties" are defaults, below application.yml
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext bot = new SpringApplicationBuilder(CsbotApplication.class).run(args);
        bots.add(bot);
        return bot;
    }

    public void stopBot(ConfigurableApplicationContext bot) {
        bot.close();
        bots.remove(bot);
    }

    /** A new Telegram user with this client language. */
    public Customer newCustomer(String firstName, String languageCode) {
        return new Customer(telegram.user(USER_IDS.incrementAndGet(), firstName, languageCode));
    }

    /** A new Telegram user whose Telegram account has the number of {@code line}. */
    public Customer customerOwning(DemoLine line, String languageCode) {
        Customer customer = newCustomer(line.name().split(" ")[1], languageCode);
        customer.user().withPhoneNumber(line.asTelegramShares());
        return customer;
    }

    /** The simulator's demo lines, read over HTTP like any tool would. */
    public List<DemoLine> demoLines() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(sim.baseUrl().resolve("sim/customers"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return List.of(json.readValue(response.body(), DemoLine[].class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public DemoLine demoLine(Predicate<DemoLine> which) {
        return demoLines().stream().filter(which).findFirst().orElseThrow();
    }

    /** Wei's UK physical SIM: active, £12.50. */
    public DemoLine ukSim() {
        return demoLine(l -> l.msisdn().startsWith("+44") && l.cardType().equals("SIM"));
    }

    /** Wei's second UK line, an eSIM: active, £30.00. */
    public DemoLine ukEsim() {
        return demoLine(l -> l.msisdn().startsWith("+44") && l.cardType().equals("eSIM"));
    }

    /** Chan Mei's Hong Kong eSIM: low balance, expiring in days. */
    public DemoLine hkEsim() {
        return demoLine(l -> l.msisdn().startsWith("+852"));
    }

    /** Li Na's mainland China SIM: suspended. */
    public DemoLine cnSuspended() {
        return demoLine(l -> l.status().equals("suspended"));
    }

    /** The code in the newest SMS the simulator sent to {@code msisdn}. */
    public String latestCode(String msisdn) {
        List<Sms> texts = sim.sms(msisdn);
        Matcher m = CODE.matcher(texts.get(texts.size() - 1).text());
        if (!m.find()) {
            throw new AssertionError("no code in the last SMS to the line");
        }
        return m.group(1);
    }

    public void post(String path, String body) {
        try {
            http.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI simulatorUrl() {
        return sim.baseUrl();
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext bot : List.copyOf(bots)) {
            stopBot(bot);
        }
        telegram.close();
        sim.close();
        deleteKeys(REDIS_URL, keyPrefix);
    }

    /** Deletes every key under {@code prefix}: what a test world or a test app stored. */
    public static void deleteKeys(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    connection.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }
}
