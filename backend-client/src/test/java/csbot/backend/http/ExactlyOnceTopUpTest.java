package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import csbot.backend.Money;
import csbot.backend.PaymentMethodType;
import csbot.backend.PaymentRef;
import csbot.backend.TopUp;
import csbot.backend.TopUpRequest;
import csbot.backend.Unavailable;
import csbot.sim.FaultPlan;
import csbot.sim.LedgerEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Paid top-ups through a backend that times out, answers 503 and loses answers after making the change: the client
 * retries with the payment's key, and when it still has no answer the payment is resolved by looking the key up —
 * and only sent again, with the same key, when the lookup says it was never made. The simulator's ledger, compared
 * with the payments made, shows every payment produced exactly one top-up and moved the money once.
 */
class ExactlyOnceTopUpTest extends SimulatorBacked {

    private static final int PAYMENTS = 200;
    private static final int TIMED_OUT = 3;
    private static final List<String> LINES = List.of(WEI_SIM, WEI_ESIM);

    /** A payment the customer made, and the top-up it must turn into. */
    private record Payment(String idempotencyKey, TopUpRequest request) {
    }

    @Test
    void everyPaymentProducesExactlyOneTopUpUnderRandomFaults() {
        // the breaker is not what this test is about: opened by a run of bad luck it would only slow it down
        HttpAccountBackend backend = new HttpAccountBackend(quickConfig()
                .withCallTimeout(Duration.ofMillis(250))
                .withRetries(2, Duration.ofMillis(1))
                .withCircuitBreaker(100, 1_000, 1_000, Duration.ofMillis(1)));
        Map<String, BigDecimal> before = Map.of(WEI_SIM, balance(backend, WEI_SIM), WEI_ESIM, balance(backend, WEI_ESIM));
        Random random = new Random(654);
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String msisdn = LINES.get(i % LINES.size());
            Money amount = new Money(BigDecimal.valueOf(100 + random.nextInt(4900), 2), "GBP");
            payments.add(new Payment("payment-" + i, new TopUpRequest(msisdn, amount, "",
                    new PaymentRef(PaymentMethodType.TELEGRAM_PROVIDER, "charge-" + i), "telegram")));
        }
        List<Payment> timedOut = payments.subList(PAYMENTS - TIMED_OUT, PAYMENTS);
        sim.faults().set(new FaultPlan(0, 0.15, 0.2, "/topupBalance"));
        int resolvedByLookup = 0;
        for (Payment payment : payments.subList(0, PAYMENTS - TIMED_OUT)) {
            if (resolve(backend, payment)) {
                resolvedByLookup++;
            }
        }
        // answers slower than the client waits: the change is made after the client gave up on it
        sim.faults().set(FaultPlan.latency(500, "/topupBalance"));
        for (Payment payment : timedOut) {
            assertThat(attempt(() -> backend.createTopUp(payment.request(), payment.idempotencyKey()))).isEmpty();
        }
        sim.faults().clear();
        for (Payment payment : timedOut) {
            resolve(backend, payment);
        }

        List<LedgerEntry> ledger = sim.ledger();
        Map<String, List<LedgerEntry>> byKey = ledger.stream().collect(Collectors.groupingBy(LedgerEntry::idempotencyKey));
        assertThat(ledger).as("0 lost, 0 doubled").hasSize(PAYMENTS);
        for (Payment payment : payments) {
            assertThat(byKey.get(payment.idempotencyKey())).as(payment.idempotencyKey()).singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.paymentReference()).isEqualTo(payment.request().payment().reference());
                        assertThat(entry.amount()).isEqualByComparingTo(payment.request().amount().amount());
                        assertThat(entry.msisdn()).isEqualTo(payment.request().msisdn());
                        assertThat(entry.applied()).isTrue();
                    });
        }
        for (String msisdn : LINES) {
            BigDecimal paid = payments.stream().filter(payment -> payment.request().msisdn().equals(msisdn))
                    .map(payment -> payment.request().amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(balance(backend, msisdn)).as("money moved once per payment on %s", msisdn)
                    .isEqualByComparingTo(before.get(msisdn).add(paid));
        }
        assertThat(resolvedByLookup).as("the faults did bite").isPositive();
        assertThat(sim.requestCount("POST /topupBalance")).isGreaterThan(PAYMENTS);
    }

    /**
     * What the bot does with a paid top-up: ask for it under the payment's key; without an answer, look the key up;
     * send it again (same key) only when the lookup says it was never made. True when a lookup settled it.
     */
    private static boolean resolve(HttpAccountBackend backend, Payment payment) {
        for (int round = 0; round < 20; round++) {
            Optional<TopUp> made = attempt(() -> backend.createTopUp(payment.request(), payment.idempotencyKey()));
            if (made.isPresent()) {
                return false;
            }
            Optional<Optional<TopUp>> lookedUp = attempt(() -> backend.topUpByKey(payment.idempotencyKey()));
            if (lookedUp.isPresent() && lookedUp.get().isPresent()) {
                return true;
            }
        }
        throw new AssertionError(payment.idempotencyKey() + " unresolved after 20 rounds");
    }

    private static <T> Optional<T> attempt(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (Unavailable noAnswer) {
            return Optional.empty();
        }
    }

    private static BigDecimal balance(HttpAccountBackend backend, String msisdn) {
        return backend.buckets(msisdn).get(0).remainingValue().amount();
    }
}
