package csbot.bot.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.bot.testing.Customer;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import csbot.dialogs.store.KeySpace;
import csbot.emulator.BotMessage;
import csbot.emulator.Charge;
import csbot.emulator.PaymentResult;
import csbot.emulator.Refund;
import csbot.sim.FaultPlan;
import csbot.sim.LedgerEntry;
import csbot.sim.OutcomePlan;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import static csbot.bot.testing.Observed.textsSentTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money test: <b>every payment produces exactly one top-up</b> — none lost, none doubled — while the backend
 * misbehaves and the bot is restarted. Forty customers each top up five times (Telegram Stars, card invoices through
 * the payment provider, now and then a saved card), going through the whole conversation, while a fault controller
 * keeps switching the simulator between answering normally and, for a second or so at a time, answering too late
 * for the bot's call timeout, answering 503, or applying the change and dropping the response — on the top-up calls,
 * on the pre-checkout's calls, or on everything. Customers' payments are reported again (the same charge id in a new
 * update, and the very same update redelivered); a few top-ups are failed by the backend; the bot is stopped and a new
 * instance started on the same Redis twice while payments are in flight. When every customer has been told an outcome
 * and the payment follow-ups have drained, Telegram's ledger of charges is compared with the simulator's ledger of
 * top-ups, one by one. The figures are printed in one line ({@code exactly-once: …}); the seed
 * ({@code -Dcsbot.exactlyOnce.seed=…}) replays the same choices (timings still vary).
 */
@DisplayName("Exactly once: 200 paid top-ups under random backend faults, duplicate updates and bot restarts")
class ExactlyOnceTopUpTest {

    private static final long SEED = Long.getLong("csbot.exactlyOnce.seed", 20_261_122L);
    private static final int CUSTOMERS = 40;
    private static final int PAYMENTS_EACH = 5;
    private static final int RESTARTS = 2;
    private static final long LATENCY_MS = 1_000;
    private static final String[] BOT_SETTINGS = {
            // the injected latency is above it, so a slow answer is a timed-out call
            "csbot.backend.call-timeout=800ms",
            // forty customers paying as fast as they can are not what the per-user limit is for
            "csbot.gate.user-updates=1000"};
    /** A step may wait through a bot restart. */
    private static final Duration STEP = Duration.ofSeconds(40);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final BigDecimal OPENING_BALANCE = new BigDecimal("10.00");
    private static final BigDecimal STARS_PER_POUND = new BigDecimal("75");
    private static final List<String> APOLOGIES = List.of("our account system is not answering",
            "this can't be completed right now", "something went wrong", "sending messages too fast");
    /** The contract routes the bot calls, to count the requests a fault window hit. */
    private static final List<String> ROUTES = List.of("POST /topupBalance", "GET /topupBalance",
            "GET /topupBalance/{id}", "GET /ext/v1/lines", "GET /ext/v1/lines/{msisdn}/topupOptions",
            "GET /ext/v1/lines/{msisdn}/paymentMethods", "GET /bucket", "POST /troubleTicket", "POST /hub",
            "DELETE /hub/{id}");

    enum Fault { LATENCY, ERROR_503, DROPPED_RESPONSE }

    enum Method { STARS, CARD, SAVED }

    /** One payment a customer made: an invoice paid (with its charge) or a saved card charged on confirm. */
    record Paid(Method method, BigDecimal amount, String chargeId) {
    }

    /** What a customer will do for one payment, drawn from the seed before anything runs. */
    record Planned(Method method, BigDecimal amount, boolean reportAgain, boolean redeliverReport) {
    }

    private static World world;
    private static volatile ConfigurableApplicationContext bot;
    private final Map<Fault, AtomicLong> faultedRequests = new EnumMap<>(Fault.class);
    private final Map<Fault, AtomicInteger> faultWindows = new EnumMap<>(Fault.class);
    private final AtomicInteger duplicateReports = new AtomicInteger();
    private final AtomicInteger redeliveries = new AtomicInteger();
    private final AtomicInteger declined = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger apologies = new AtomicInteger();
    private final AtomicInteger failuresPlanned = new AtomicInteger();
    private final AtomicInteger pendingPlanned = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger paidSoFar = new AtomicInteger();

    @BeforeAll
    static void start() {
        WarmUp.once();
        world = World.start();
        bot = world.startBot(BOT_SETTINGS);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("every charge ↔ exactly one top-up with its key and amount; every customer told; 0 lost, 0 doubled")
    void everyPaymentMakesExactlyOneTopUp() throws Exception {
        for (Fault fault : Fault.values()) {
            faultedRequests.put(fault, new AtomicLong());
            faultWindows.put(fault, new AtomicInteger());
        }
        long started = System.nanoTime();
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            shoppers.add(new Shopper(i, new Random(SEED + 1_000L * (i + 1))));
        }
        System.out.printf(Locale.ROOT, "exactly-once: seed %d, %d customers × %d payments%n", SEED, CUSTOMERS,
                PAYMENTS_EACH);

        AtomicBoolean shopping = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS + 1);
        Future<?> chaos = pool.submit(() -> controlFaults(new Random(SEED), shopping));
        List<Future<?>> running = shoppers.stream().map(shopper -> pool.submit(shopper::shop))
                .collect(Collectors.toList());
        try {
            for (Future<?> shopper : running) {
                shopper.get(6, TimeUnit.MINUTES);
            }
        } finally {
            shopping.set(false);
            chaos.get(2, TimeUnit.MINUTES);
            pool.shutdownNow();
            world.sim.faults().clear();
            world.sim.topUpOutcomes().clear();
        }
        long shopped = System.nanoTime();

        awaitSettled(shoppers);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Verdict verdict = compare(shoppers);
        System.out.printf(Locale.ROOT, "exactly-once: seed=%d payments=%d (stars %d, card %d, saved %d) charges=%d "
                        + "top-ups=%d completed=%d failed=%d lost=%d doubled=%d orphans=%d wrong-amount=%d "
                        + "untold=%d told-twice=%d refunds=%d tickets=%d | faults (windows/requests hit): "
                        + "latency>timeout %d/%d, 503 %d/%d, dropped-response %d/%d; duplicate payment updates %d, "
                        + "redelivered updates %d, bot restarts %d, top-ups failed / kept pending by the backend "
                        + "%d / %d; customers saw %d pre-checkout refusals, %d unanswered pre-checkouts, %d apologies, "
                        + "%d \"payment received\" and %d \"being processed\" notices | shopping %.1f s, total %.1f s%n",
                SEED, verdict.payments, verdict.byMethod.get(Method.STARS), verdict.byMethod.get(Method.CARD),
                verdict.byMethod.get(Method.SAVED), verdict.charges, verdict.topUps, verdict.completed,
                verdict.failed, verdict.lost.size(), verdict.doubled.size(), verdict.orphans.size(),
                verdict.wrongAmount.size(), verdict.untold.size(), verdict.toldTwice.size(), verdict.refunds,
                verdict.tickets,
                faultWindows.get(Fault.LATENCY).get(), faultedRequests.get(Fault.LATENCY).get(),
                faultWindows.get(Fault.ERROR_503).get(), faultedRequests.get(Fault.ERROR_503).get(),
                faultWindows.get(Fault.DROPPED_RESPONSE).get(), faultedRequests.get(Fault.DROPPED_RESPONSE).get(),
                duplicateReports.get(), redeliveries.get(), restarts.get(), failuresPlanned.get(),
                pendingPlanned.get(), declined.get(), unanswered.get(), apologies.get(),
                notices(shoppers, "💳 We have your payment"), notices(shoppers, "⏳ Your top-up"),
                (shopped - started) / 1e9, took.toNanos() / 1e9);

        assertThat(verdict.payments).isEqualTo(CUSTOMERS * PAYMENTS_EACH);
        assertThat(verdict.lost).as("payments without their top-up (or refund / ticket)").isEmpty();
        assertThat(verdict.doubled).as("payments with more than one top-up").isEmpty();
        assertThat(verdict.orphans).as("top-ups without a payment").isEmpty();
        assertThat(verdict.wrongAmount).as("top-ups of another amount than paid").isEmpty();
        assertThat(verdict.moneyMismatch).as("lines whose balance moved by other than their top-ups").isEmpty();
        assertThat(verdict.untold).as("payments whose customer was not told the outcome").isEmpty();
        assertThat(verdict.toldTwice).as("payments whose outcome was told twice").isEmpty();
        assertThat(restarts.get()).isEqualTo(RESTARTS);
        assertThat(faultedRequests.values().stream().mapToLong(AtomicLong::get).sum()).isPositive();
    }

    // ---- the customers

    /** One customer and their own line, paying {@link #PAYMENTS_EACH} times through the whole conversation. */
    private final class Shopper {

        final int index;
        /** Timing and how often to try again: what a seed cannot fix anyway, kept apart from the plan. */
        final Random random;
        final List<Planned> plan = new ArrayList<>();
        final String msisdn;
        final Customer customer;
        final List<Paid> paid = Collections.synchronizedList(new ArrayList<>());

        Shopper(int index, Random planning) {
            this.index = index;
            this.random = new Random(planning.nextLong());
            for (int i = 0; i < PAYMENTS_EACH; i++) {
                double roll = planning.nextDouble();
                Method method = roll < 0.45 ? Method.STARS : roll < 0.9 ? Method.CARD : Method.SAVED;
                boolean again = method != Method.SAVED && planning.nextDouble() < 0.15;
                plan.add(new Planned(method, new BigDecimal(String.format(Locale.ROOT, "%d.%02d", 2 + i, index % 100)),
                        again, again && planning.nextBoolean()));
            }
            this.msisdn = String.format(Locale.ROOT, "+4474006%05d", index);
            world.post("sim/admin/customers", """
                    {"name": "Exactly Once %d", "email": "once%d@example.com", "alternateNumber": "+447400123999",
                     "lines": [{"msisdn": "%s", "currency": "GBP", "balance": 10.00, "dataMb": 1024}]}"""
                    .formatted(index, index, msisdn));
            world.post("sim/admin/paymentMethods", """
                    {"msisdn": "%s", "methods": [{"id": "pm-once-%d", "kind": "card", "label": "Visa •••• %04d"}]}"""
                    .formatted(msisdn, index, 1000 + index));
            customer = world.newCustomer("Once" + index, "en");
            customer.user().withPhoneNumber(msisdn.substring(1));
            customer.sharesContact(msisdn.substring(1), customer.id());
            customer.hears("✅ Linked", msisdn.substring(msisdn.length() - 4));
            customer.nextMessage();
        }

        void shop() {
            plan.forEach(this::payOnce);
        }

        private void payOnce(Planned planned) {
            Method method = planned.method();
            BigDecimal amount = planned.amount();
            String pounds = "£" + amount.toPlainString();
            step(() -> customer.says("top up"), "Choose an amount");
            step(() -> customer.says(pounds), "How would you like to pay?");
            String button = switch (method) {
                case STARS -> "⭐ Telegram Stars";
                case CARD -> "💳 Card (Telegram Payments)";
                case SAVED -> "💾 Visa";
            };
            step(() -> customer.taps(button), "Please confirm your top-up");
            if (method == Method.SAVED) {
                step(() -> customer.taps("✅ Confirm and pay"), "💳 Charging Visa");
                paid.add(new Paid(method, amount, null));
                paidSoFar.incrementAndGet();
                return;
            }
            step(() -> customer.taps("✅ Confirm and pay"), "Here is your invoice");
            BotMessage invoice = awaitMessage(message -> message.telegram().has("invoice"), "an invoice");
            Charge charge = pay(invoice);
            paid.add(new Paid(method, amount, charge.telegramPaymentChargeId()));
            paidSoFar.incrementAndGet();
            if (planned.reportAgain()) {
                long again = customer.user().sendSuccessfulPayment(invoice, charge.telegramPaymentChargeId());
                duplicateReports.incrementAndGet();
                if (planned.redeliverReport()) {
                    world.telegram.redeliver(again);
                    redeliveries.incrementAndGet();
                }
            }
        }

        /** Pays as a customer would: refused or unanswered, they try again a moment later. */
        private Charge pay(BotMessage invoice) {
            for (int tries = 1; tries <= 40; tries++) {
                PaymentResult result = customer.user().pay(invoice);
                switch (result.outcome()) {
                    case PAID, ALREADY_PAID -> {
                        return result.charge();
                    }
                    case DECLINED -> declined.incrementAndGet();
                    case NOT_ANSWERED -> unanswered.incrementAndGet();
                }
                pause(300 + random.nextInt(500));
            }
            throw new AssertionError("customer " + index + " could not pay an invoice in 40 tries\n"
                    + customer.transcript());
        }

        /**
         * Does something until the bot answers with {@code expected}; an apology (the backend was down for that step,
         * which then did not happen) means doing it again. Sometimes the update is delivered twice.
         */
        private void step(LongSupplier action, String expected) {
            for (int tries = 1; tries <= 30; tries++) {
                long update = action.getAsLong();
                if (random.nextDouble() < 0.05) {
                    world.telegram.redeliver(update);
                    redeliveries.incrementAndGet();
                }
                Optional<BotMessage> answer = awaitAnswer(expected);
                if (answer.isPresent()) {
                    pause(random.nextInt(300)); // reading, thinking
                    return;
                }
                apologies.incrementAndGet();
                pause(200 + random.nextInt(400));
            }
            throw new AssertionError("customer " + index + " never got \"" + expected + "\"\n"
                    + customer.transcript());
        }

        /** The message with {@code expected}, or empty after an apology; outcome notices on the way are passed. */
        private Optional<BotMessage> awaitAnswer(String expected) {
            BotMessage message = awaitMessage(m -> m.text().contains(expected)
                    || APOLOGIES.stream().anyMatch(m.text()::contains), expected);
            return message.text().contains(expected) ? Optional.of(message) : Optional.empty();
        }

        private BotMessage awaitMessage(java.util.function.Predicate<BotMessage> wanted, String what) {
            long deadline = System.nanoTime() + STEP.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("customer " + index + ": no " + what + " within " + STEP + "\n"
                            + customer.transcript());
                }
                BotMessage message = customer.user().nextMessage(Duration.ofMillis(left));
                if (wanted.test(message)) {
                    return message;
                }
            }
        }
    }

    // ---- chaos

    /**
     * Until the customers are done: a second or so of one fault on one part of the backend, a second or so of calm,
     * again; a few top-ups failed by the backend; and the bot restarted each time another share of the payments
     * has been made.
     */
    private void controlFaults(Random random, AtomicBoolean shopping) {
        int total = CUSTOMERS * PAYMENTS_EACH;
        String[] prefixes = {"/topupBalance", "/topupBalance", "/ext/v1", ""};
        while (shopping.get()) {
            if (restarts.get() < RESTARTS && paidSoFar.get() >= total * (restarts.get() + 1) / (RESTARTS + 1)) {
                restartBot();
                continue;
            }
            double outcome = random.nextDouble();
            if (outcome < 0.1) {
                world.sim.topUpOutcomes().set(OutcomePlan.fail("processingError").times(1));
                failuresPlanned.incrementAndGet();
            } else if (outcome < 0.25) {
                world.sim.topUpOutcomes().set(OutcomePlan.pending(1 + random.nextInt(4)).times(1));
                pendingPlanned.incrementAndGet();
            }
            Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
            String prefix = prefixes[random.nextInt(prefixes.length)];
            long before = requestsUnder(prefix);
            world.sim.faults().set(switch (fault) {
                case LATENCY -> FaultPlan.latency(LATENCY_MS, prefix);
                case ERROR_503 -> FaultPlan.errors(1.0, prefix);
                case DROPPED_RESPONSE -> FaultPlan.drops(1.0, prefix);
            });
            pause(300 + random.nextInt(900));
            world.sim.faults().clear();
            faultWindows.get(fault).incrementAndGet();
            faultedRequests.get(fault).addAndGet(requestsUnder(prefix) - before);
            pause(300 + random.nextInt(700));
        }
    }

    /** A deploy: the running instance stops (finishing what it has in hand), a new one starts on the same Redis. */
    private void restartBot() {
        world.sim.faults().clear();
        ConfigurableApplicationContext old = bot;
        world.stopBot(old);
        bot = world.startBot(BOT_SETTINGS);
        restarts.incrementAndGet();
        System.out.printf(Locale.ROOT, "exactly-once: bot restarted after %d payments%n", paidSoFar.get());
    }

    private static long requestsUnder(String prefix) {
        return ROUTES.stream().filter(route -> route.substring(route.indexOf(' ') + 1).startsWith(prefix))
                .mapToLong(world.sim::requestCount).sum();
    }

    // ---- settling and comparing

    /** Until every payment's outcome was told, nothing is left to follow and no top-up is still in progress. */
    private void awaitSettled(List<Shopper> shoppers) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            boolean allTold = shoppers.stream().allMatch(s -> untold(s).isEmpty());
            boolean nothingDue = paymentsDue() == 0;
            boolean nothingInProgress = world.sim.ledger().stream().noneMatch(e -> e.status().equals("created"));
            if (allTold && nothingDue && nothingInProgress) {
                return;
            }
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "exactly-once: not settled after %s: %d payments due%n", SETTLE,
                paymentsDue());
    }

    private static long paymentsDue() {
        RedisClient client = RedisClient.create(World.REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().zcard(new KeySpace(world.keyPrefix).global("payments:due"));
        } finally {
            client.shutdown();
        }
    }

    /** What the customer was told of each of their payments: the payments with no final word yet. */
    private static List<Paid> untold(Shopper shopper) {
        Outcomes told = Outcomes.of(textsSentTo(world.telegram, shopper.customer.id()));
        List<Paid> untold = new ArrayList<>();
        int escalations = 0;
        for (Paid paid : List.copyOf(shopper.paid)) {
            if (told.forAmount(paid) == 0) {
                if (paid.method() == Method.CARD && escalations < told.escalated) {
                    escalations++;
                } else {
                    untold.add(paid);
                }
            }
        }
        return untold;
    }

    /** The final words in a chat: "done" and "declined" name the amount, a refund the Stars, an escalation neither. */
    private record Outcomes(Map<String, Integer> byFragment, int escalated) {

        static Outcomes of(List<String> texts) {
            Map<String, Integer> counts = new HashMap<>();
            int escalated = 0;
            for (String text : texts) {
                if (text.startsWith("✅ Top-up done! ")) {
                    counts.merge("done " + text.substring("✅ Top-up done! ".length()).split(" ")[0], 1,
                            Integer::sum);
                } else if (text.contains("has been refunded in full")) {
                    counts.merge("refunded " + text.replaceAll("(?s).*Your (⭐ \\d+) has been refunded.*", "$1"), 1,
                            Integer::sum);
                } else if (text.contains("was not topped up with")) {
                    counts.merge("declined " + text.replaceAll("(?s).*topped up with (£[\\d.]+) and.*", "$1"), 1,
                            Integer::sum);
                } else if (text.contains("We opened case")) {
                    escalated++;
                }
            }
            return new Outcomes(counts, escalated);
        }

        /** How often this payment's own outcome was told (an escalation is counted by the caller). */
        int forAmount(Paid paid) {
            String pounds = "£" + paid.amount().toPlainString();
            return byFragment.getOrDefault("done " + pounds, 0)
                    + byFragment.getOrDefault("refunded ⭐ " + stars(paid.amount()), 0)
                    + byFragment.getOrDefault("declined " + pounds, 0);
        }
    }

    private static final class Verdict {
        int payments;
        final Map<Method, Integer> byMethod = new EnumMap<>(Method.class);
        int charges;
        int topUps;
        int completed;
        int failed;
        int refunds;
        int tickets;
        final List<String> lost = new ArrayList<>();
        final List<String> doubled = new ArrayList<>();
        final List<String> orphans = new ArrayList<>();
        final List<String> wrongAmount = new ArrayList<>();
        final List<String> moneyMismatch = new ArrayList<>();
        final List<String> untold = new ArrayList<>();
        final List<String> toldTwice = new ArrayList<>();
    }

    /** Telegram's charges and the customers' saved-card payments against the simulator's top-ups, one by one. */
    private Verdict compare(List<Shopper> shoppers) throws Exception {
        Verdict verdict = new Verdict();
        for (Method method : Method.values()) {
            verdict.byMethod.put(method, 0);
        }
        List<LedgerEntry> ledger = world.sim.ledger();
        Map<String, List<LedgerEntry>> byKey = ledger.stream()
                .collect(Collectors.groupingBy(LedgerEntry::idempotencyKey));
        Set<Long> ours = shoppers.stream().map(s -> s.customer.id()).collect(Collectors.toSet());
        Map<String, Charge> charges = new HashMap<>();
        for (Charge charge : world.telegram.charges()) {
            if (ours.contains(charge.userId())) {
                charges.put(charge.telegramPaymentChargeId(), charge);
            }
        }
        Set<String> refunded = world.telegram.refunds().stream().map(Refund::telegramPaymentChargeId)
                .collect(Collectors.toSet());
        String tickets = troubleTicketsJson();
        verdict.charges = charges.size();
        verdict.topUps = ledger.size();
        verdict.refunds = refunded.size();
        verdict.tickets = new ObjectMapper().readTree(tickets).size();
        Map<String, BigDecimal> balances = balances();

        for (Shopper shopper : shoppers) {
            BigDecimal applied = BigDecimal.ZERO;
            List<Paid> paid = List.copyOf(shopper.paid);
            verdict.payments += paid.size();
            for (Paid payment : paid) {
                verdict.byMethod.merge(payment.method(), 1, Integer::sum);
            }
            for (Paid payment : paid.stream().filter(p -> p.chargeId() != null).toList()) {
                String id = payment.chargeId();
                Charge charge = charges.get(id);
                List<LedgerEntry> entries = byKey.getOrDefault(id, List.of());
                if (charge == null) {
                    verdict.lost.add(id + ": paid but no charge at Telegram");
                    continue;
                }
                if (entries.isEmpty()) {
                    verdict.lost.add(id + ": no top-up");
                    continue;
                }
                if (entries.size() > 1) {
                    verdict.doubled.add(id + ": " + entries.size() + " top-ups");
                }
                LedgerEntry entry = entries.get(0);
                long asked = payment.method() == Method.STARS ? stars(entry.amount())
                        : entry.amount().movePointRight(2).longValueExact();
                if (entry.amount().compareTo(payment.amount()) != 0 || charge.totalAmount() != asked
                        || !entry.paymentReference().equals(id) || !entry.msisdn().equals(shopper.msisdn)) {
                    verdict.wrongAmount.add(id + ": top-up " + entry.amount() + " to " + entry.msisdn()
                            + ", charged " + charge.totalAmount() + " " + charge.currency());
                }
                switch (entry.status()) {
                    case "completed" -> {
                        verdict.completed++;
                        applied = applied.add(entry.amount());
                    }
                    case "failed" -> {
                        verdict.failed++;
                        boolean moneyBack = payment.method() == Method.STARS ? refunded.contains(id)
                                : tickets.contains(entry.id()) || tickets.contains(id);
                        if (!moneyBack) {
                            verdict.lost.add(id + ": failed, neither refunded nor escalated");
                        }
                    }
                    default -> verdict.lost.add(id + ": still " + entry.status());
                }
            }
            List<LedgerEntry> savedTopUps = ledger.stream().filter(e -> e.msisdn().equals(shopper.msisdn)
                    && e.paymentMethod().equals("savedMethod")).toList();
            long savedPaid = paid.stream().filter(p -> p.method() == Method.SAVED).count();
            if (savedTopUps.size() < savedPaid) {
                verdict.lost.add(shopper.msisdn + ": " + savedPaid + " saved-card payments, "
                        + savedTopUps.size() + " top-ups");
            } else if (savedTopUps.size() > savedPaid) {
                verdict.doubled.add(shopper.msisdn + ": " + savedPaid + " saved-card payments, "
                        + savedTopUps.size() + " top-ups");
            }
            for (LedgerEntry entry : savedTopUps) {
                if (entry.status().equals("completed")) {
                    verdict.completed++;
                    applied = applied.add(entry.amount());
                } else if (entry.status().equals("failed")) {
                    verdict.failed++;
                } else {
                    verdict.lost.add(entry.idempotencyKey() + ": saved-card top-up still " + entry.status());
                }
            }
            BigDecimal moved = balances.getOrDefault(shopper.msisdn, BigDecimal.ZERO).subtract(OPENING_BALANCE);
            if (moved.compareTo(applied) != 0) {
                verdict.moneyMismatch.add(shopper.msisdn + ": balance moved " + moved + ", top-ups " + applied);
            }
            untold(shopper).forEach(p -> verdict.untold.add(shopper.msisdn + " " + p));
            Outcomes told = Outcomes.of(textsSentTo(world.telegram, shopper.customer.id()));
            for (Paid payment : paid) {
                if (told.forAmount(payment) > 1) {
                    verdict.toldTwice.add(shopper.msisdn + " " + payment);
                }
            }
        }
        Set<String> known = new java.util.HashSet<>(charges.keySet());
        for (LedgerEntry entry : ledger) {
            boolean telegram = entry.paymentMethod().equals("telegramStars")
                    || entry.paymentMethod().equals("telegramProvider");
            if (telegram && !known.contains(entry.idempotencyKey())) {
                verdict.orphans.add(entry.id() + " key " + entry.idempotencyKey());
            }
        }
        return verdict;
    }

    private static long notices(List<Shopper> shoppers, String start) {
        return shoppers.stream().flatMap(s -> textsSentTo(world.telegram, s.customer.id()).stream())
                .filter(text -> text.startsWith(start)).count();
    }

    private static long stars(BigDecimal pounds) {
        return pounds.multiply(STARS_PER_POUND).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> balances = new ConcurrentHashMap<>();
        try {
            JsonNode lines = new ObjectMapper().readTree(get("sim/customers"));
            for (JsonNode line : lines) {
                balances.put(line.get("msisdn").asText(), new BigDecimal(line.get("balance").asText()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return balances;
    }

    private static String troubleTicketsJson() {
        return get("sim/troubleTickets");
    }

    private static String get(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            world.sim.baseUrl().resolve(path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
