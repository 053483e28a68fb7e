package csbot.sim;

import static csbot.sim.TopUps.balance;
import static csbot.sim.TopUps.code;
import static csbot.sim.TopUps.expiry;
import static csbot.sim.TopUps.paidByStars;
import static csbot.sim.TopUps.topUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopUpTest extends SimulatorTestBase {

    @Test
    void optionsFollowTheLinesCurrency() throws IOException {
        JsonNode gbp = client.get("/ext/v1/lines/" + SimClient.encode(WEI_SIM) + "/topupOptions").json();
        JsonNode hkd = client.get("/ext/v1/lines/" + SimClient.encode(CHAN_MEI) + "/topupOptions").json();

        assertThat(gbp.get("currency").asText()).isEqualTo("GBP");
        assertThat(gbp.get("presets")).extracting(JsonNode::decimalValue).extracting(BigDecimal::toPlainString)
                .containsExactly("5.00", "10.00", "20.00", "50.00");
        assertThat(gbp.get("plans")).extracting(plan -> plan.get("id").asText() + " " + plan.get("days").asInt() + " "
                        + plan.get("price").decimalValue().toPlainString() + " " + plan.get("credit").decimalValue())
                .containsExactly("keep-30 30 5.00 5.00", "keep-90 90 12.00 12.00", "keep-365 365 40.00 40.00");
        assertThat(gbp.get("customMin").decimalValue()).isEqualByComparingTo("1");
        assertThat(gbp.get("customMax").decimalValue()).isEqualByComparingTo("500");
        assertThat(gbp.get("maxDecimals").asInt()).isEqualTo(2);
        assertThat(hkd.get("currency").asText()).isEqualTo("HKD");
        assertThat(hkd.get("maxDecimals").asInt()).isZero();
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(LI_NA) + "/topupOptions").json()
                .get("currency").asText()).isEqualTo("CNY");
    }

    @Test
    void optionsForUnknownOrUnsupportedLinesAreRefused() throws IOException {
        client.post("/sim/admin/customers", "{\"name\":\"Euro User\",\"lines\":[{\"msisdn\":\"+33612345678\","
                + "\"currency\":\"EUR\",\"balance\":5}]}");

        assertThat(code(client.get("/ext/v1/lines/%2B447400123000/topupOptions"))).isEqualTo("404 notFound");
        assertThat(code(client.get("/ext/v1/lines/07400123123/topupOptions"))).isEqualTo("400 invalidMsisdn");
        assertThat(code(client.get("/ext/v1/lines/%2B33612345678/topupOptions")))
                .isEqualTo("422 currencyNotSupported");
    }

    @Test
    void aTopUpCompletesAtOnceAddsMoneyAndThirtyDaysAndIsConfirmedBySms() throws IOException {
        Instant expiryBefore = expiry(client, WEI_SIM);

        SimClient.Answer created = topUp(client, "pay-1", paidByStars(WEI_SIM, "10", "GBP", "charge-1"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode topUp = created.json();
        assertThat(topUp.get("id").asText()).startsWith("tb-");
        assertThat(topUp.get("status").asText()).isEqualTo("completed");
        assertThat(topUp.get("amount").get("amount").decimalValue().toPlainString()).isEqualTo("10.00");
        assertThat(topUp.get("paymentMethod").get("@type").asText()).isEqualTo("telegramStars");
        assertThat(topUp.get("paymentMethod").get("id").asText()).isEqualTo("charge-1");
        assertThat(topUp.get("isAutoTopup").asBoolean()).isFalse();
        assertThat(topUp.has("confirmationDate")).isTrue();
        assertThat(topUp.has("reason")).as("no failure").isFalse();
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
        assertThat(expiry(client, WEI_SIM)).isEqualTo(expiryBefore.plus(Duration.ofDays(30)));
        assertThat(sim.sms(WEI_SIM)).singleElement().satisfies(sms -> assertThat(sms.text())
                .contains("充值成功", "GBP 10.00", "余额 GBP 22.50", "Top-up of GBP 10.00 received",
                        "Balance GBP 22.50", "valid until " + expiryBefore.plus(Duration.ofDays(30)).toString()
                                .substring(0, 10)));
        assertThat(sim.ledger()).singleElement().satisfies(entry -> {
            assertThat(entry.idempotencyKey()).isEqualTo("pay-1");
            assertThat(entry.status()).isEqualTo("completed");
            assertThat(entry.applied()).isTrue();
            assertThat(entry.paymentReference()).isEqualTo("charge-1");
        });
    }

    @Test
    void aPlanAddsItsCreditAndItsDays() throws IOException {
        Instant expiryBefore = expiry(client, WEI_SIM);

        SimClient.Answer created = topUp(client, "plan-1",
                TopUps.body(WEI_SIM, "12.00", "GBP", "keep-90", "telegramProvider", "prov-1"));

        assertThat(created.json().get("product").get("id").asText()).isEqualTo("keep-90");
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("24.50");
        assertThat(expiry(client, WEI_SIM)).isEqualTo(expiryBefore.plus(Duration.ofDays(90)));
        assertThat(sim.sms(WEI_SIM).get(0).text()).contains("保号 90 天", "90-day number-keeping plan");
    }

    @Test
    void aLineSuspendedForNonPaymentIsActiveAgainAndItsDaysCountFromNow() throws IOException {
        topUp(client, "li-na-1", paidByStars(LI_NA, "30", "CNY", "charge-li"));

        JsonNode line = client.get("/ext/v1/lines?msisdn=" + SimClient.encode(LI_NA)).json();
        assertThat(line.get("status").asText()).isEqualTo("active");
        assertThat(balance(client, LI_NA)).isEqualByComparingTo("50.00");
        assertThat(expiry(client, LI_NA)).isCloseTo(sim.clock().now().plus(Duration.ofDays(30)),
                within(1, ChronoUnit.SECONDS));
        assertThat(sim.sms(LI_NA).get(0).text()).contains("号码已恢复使用", "Your line is active again");
    }

    @Test
    void aLineSuspendedWhileValidStaysSuspended() throws IOException {
        client.post("/sim/admin/lines", "{\"msisdn\":\"" + WEI_SIM + "\",\"status\":\"suspended\"}");

        topUp(client, "lost-card", paidByStars(WEI_SIM, "10", "GBP", "charge-2"));

        assertThat(client.get("/ext/v1/lines?msisdn=" + SimClient.encode(WEI_SIM)).json().get("status").asText())
                .isEqualTo("suspended");
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
    }

    @Test
    void rulesAreRefusedWithReasonCodesAndLeaveNothingBehind() throws IOException {
        assertThat(code(topUp(client, "k1", paidByStars(WEI_SIM, "0.50", "GBP", "c")))).isEqualTo("422 amountOutOfRange");
        assertThat(code(topUp(client, "k2", paidByStars(WEI_SIM, "500.01", "GBP", "c")))).isEqualTo("422 amountOutOfRange");
        assertThat(code(topUp(client, "k3", paidByStars(WEI_SIM, "10", "HKD", "c")))).isEqualTo("422 currencyMismatch");
        assertThat(code(topUp(client, "k4", paidByStars(WEI_SIM, "10.505", "GBP", "c")))).isEqualTo("422 tooManyDecimals");
        assertThat(code(topUp(client, "k5", paidByStars(CHAN_MEI, "50.5", "HKD", "c")))).isEqualTo("422 tooManyDecimals");
        assertThat(code(topUp(client, "k6", TopUps.body(WEI_SIM, "12", "GBP", "keep-999", "telegramStars", "c"))))
                .isEqualTo("422 unknownPlan");
        assertThat(code(topUp(client, "k7", TopUps.body(WEI_SIM, "10", "GBP", "keep-90", "telegramStars", "c"))))
                .isEqualTo("422 amountMismatch");
        assertThat(code(topUp(client, "k8", TopUps.body(LI_NA, "30", "CNY", "", "savedMethod", "pm-visa-4242"))))
                .as("Wei's card is not Li Na's").isEqualTo("422 unknownPaymentMethod");
        assertThat(code(topUp(client, "k9", paidByStars("+447400123000", "10", "GBP", "c")))).isEqualTo("404 notFound");

        assertThat(sim.ledger()).isEmpty();
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("12.50");
        assertThat(code(topUp(client, "k1", paidByStars(WEI_SIM, "5", "GBP", "c"))))
                .as("a refused request does not use up its key").isEqualTo("201 ");
    }

    @Test
    void malformedRequestsAreBadRequests() throws IOException {
        assertThat(code(client.post("/topupBalance", paidByStars(WEI_SIM, "10", "GBP", "c"))))
                .isEqualTo("400 idempotencyKeyRequired");
        assertThat(code(topUp(client, "with space", paidByStars(WEI_SIM, "10", "GBP", "c"))))
                .isEqualTo("400 invalidIdempotencyKey");
        assertThat(code(topUp(client, "k", paidByStars(WEI_SIM, "-5", "GBP", "c")))).isEqualTo("400 invalidAmount");
        assertThat(code(topUp(client, "k", paidByStars(WEI_SIM, "10", "gbp", "c")))).isEqualTo("400 invalidCurrency");
        assertThat(code(topUp(client, "k", paidByStars("07400123123", "10", "GBP", "c")))).isEqualTo("400 invalidMsisdn");
        assertThat(code(topUp(client, "k", TopUps.body(WEI_SIM, "10", "GBP", "", "cash", "c")))).isEqualTo("400 invalidBody");
        assertThat(code(topUp(client, "k", "{\"amount\":{\"amount\":10,\"units\":\"GBP\"},"
                + "\"logicalResource\":{\"value\":\"" + WEI_SIM + "\"}}"))).isEqualTo("400 invalidBody");
        assertThat(sim.ledger()).isEmpty();
    }

    @Test
    void theSameKeyAgainAnswersTheSameTopUpAndMovesNoMoney() throws IOException {
        SimClient.Answer first = topUp(client, "pay-7", paidByStars(WEI_SIM, "10", "GBP", "charge-7"));
        SimClient.Answer again = topUp(client, "pay-7", paidByStars(WEI_SIM, "10.00", "GBP", "charge-7"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(sim.ledger()).hasSize(1);
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
        assertThat(sim.sms(WEI_SIM)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws IOException {
        topUp(client, "pay-8", paidByStars(WEI_SIM, "10", "GBP", "charge-8"));

        assertThat(code(topUp(client, "pay-8", paidByStars(WEI_SIM, "20", "GBP", "charge-8"))))
                .isEqualTo("409 idempotencyKeyReused");
        assertThat(code(topUp(client, "pay-8", paidByStars(WEI_SIM_ESIM, "10", "GBP", "charge-8"))))
                .isEqualTo("409 idempotencyKeyReused");
        assertThat(sim.ledger()).hasSize(1);
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
    }

    @Test
    void racingRequestsWithOneKeyMakeOneTopUp() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<SimClient.Answer>> same = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                same.add(() -> topUp(new SimClient(sim.baseUrl()), "race", paidByStars(WEI_SIM, "10", "GBP", "c-race")));
            }
            List<SimClient.Answer> answers = new ArrayList<>();
            for (Future<SimClient.Answer> answer : threads.invokeAll(same)) {
                answers.add(answer.get());
            }

            assertThat(answers.stream().map(answer -> answer.json().get("id").asText()).collect(Collectors.toSet()))
                    .hasSize(1);
            assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
            assertThat(sim.ledger()).hasSize(1);
            assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aTopUpIsFoundByIdByKeyAndByLine() throws IOException {
        String id = topUp(client, "pay-9", paidByStars(WEI_SIM, "10", "GBP", "charge-9")).json().get("id").asText();
        topUp(client, "pay-10", paidByStars(WEI_SIM, "5", "GBP", "charge-10"));

        assertThat(client.get("/topupBalance/" + id).json().get("status").asText()).isEqualTo("completed");
        assertThat(client.get("/topupBalance?idempotencyKey=pay-9").json()).singleElement()
                .satisfies(found -> assertThat(found.get("id").asText()).isEqualTo(id));
        assertThat(client.get("/topupBalance?idempotencyKey=never-used").json()).isEmpty();
        assertThat(client.get("/topupBalance?logicalResource.value=" + SimClient.encode(WEI_SIM)).json())
                .extracting(found -> found.get("paymentMethod").get("id").asText())
                .containsExactly("charge-9", "charge-10");
        assertThat(client.get("/topupBalance?logicalResource.value=" + SimClient.encode(WEI_SIM) + "&isAutoTopup=true")
                .json()).isEmpty();
        assertThat(code(client.get("/topupBalance/tb-nothing"))).isEqualTo("404 notFound");
        assertThat(code(client.get("/topupBalance"))).isEqualTo("400 invalidQuery");
    }

    @Test
    void aPendingTopUpCompletesWhenTheSimulatorClockPassesItsTime() throws IOException {
        client.post("/sim/admin/topups", "{\"outcome\":\"pending\",\"pendingSeconds\":120}");

        SimClient.Answer created = topUp(client, "slow-1", paidByStars(WEI_SIM, "10", "GBP", "c-slow"));
        String id = created.json().get("id").asText();

        assertThat(created.json().get("status").asText()).isEqualTo("created");
        assertThat(client.get("/topupBalance/" + id).json().get("status").asText()).isEqualTo("created");
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("12.50");

        client.post("/sim/admin/clock", "{\"advanceSeconds\":121}");

        assertThat(sim.ledger()).singleElement().satisfies(entry -> assertThat(entry.status()).isEqualTo("completed"));
        assertThat(client.get("/topupBalance/" + id).json().get("status").asText()).isEqualTo("completed");
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
        assertThat(sim.events()).extracting(EmittedEvent::eventType).containsExactly("topupBalanceStateChangeEvent");
    }

    @Test
    void aPendingTopUpAlsoCompletesAsRealTimePasses() throws Exception {
        sim.topUpOutcomes().set(OutcomePlan.pending(1));
        topUp(client, "slow-2", paidByStars(WEI_SIM, "10", "GBP", "c-slow"));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"completed".equals(sim.ledger().get(0).status()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(sim.ledger().get(0).status()).isEqualTo("completed");
    }

    @Test
    void aFailOutcomeFailsTheNextTopUpsWithItsReasonAndMovesNoMoney() throws IOException {
        client.post("/sim/admin/topups", "{\"outcome\":\"fail\",\"failReason\":\"providerRefused\",\"count\":1}");

        SimClient.Answer failed = topUp(client, "f-1", paidByStars(WEI_SIM, "10", "GBP", "c-f1"));
        SimClient.Answer next = topUp(client, "f-2", paidByStars(WEI_SIM, "10", "GBP", "c-f2"));

        assertThat(failed.status()).isEqualTo(201);
        assertThat(failed.json().get("status").asText()).isEqualTo("failed");
        assertThat(failed.json().get("reason").asText()).isEqualTo("providerRefused");
        assertThat(next.json().get("status").asText()).as("count 1: only the next one").isEqualTo("completed");
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
        assertThat(sim.sms(WEI_SIM)).hasSize(1);
        assertThat(sim.ledger()).extracting(LedgerEntry::status, LedgerEntry::applied, LedgerEntry::failureReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("failed", false, "providerRefused"),
                        org.assertj.core.groups.Tuple.tuple("completed", true, ""));
    }

    @Test
    void anOutcomeCanBeLimitedToOnePaymentMethod() throws IOException {
        sim.topUpOutcomes().set(OutcomePlan.fail("declined").paidWith("savedMethod"));

        assertThat(topUp(client, "s-1", TopUps.body(WEI_SIM, "10", "GBP", "", "savedMethod", "pm-visa-4242"))
                .json().get("reason").asText()).isEqualTo("declined");
        assertThat(topUp(client, "s-2", paidByStars(WEI_SIM, "10", "GBP", "c")).json().get("status").asText())
                .isEqualTo("completed");
        assertThat(client.post("/sim/admin/topups", "{\"outcome\":\"fail\",\"paymentMethod\":\"cash\"}").status())
                .isEqualTo(400);
        assertThat(client.delete("/sim/admin/topups").status()).isEqualTo(204);
        assertThat(sim.topUpOutcomes().current()).isEqualTo(OutcomePlan.complete());
    }

    @Test
    void aTopUpWhoseAnswerWasDroppedIsAppliedAndItsRepeatIsHarmless() throws IOException {
        sim.faults().set(FaultPlan.drops(1.0, "/topupBalance"));

        assertThatThrownBy(() -> topUp(client, "lost-answer", paidByStars(WEI_SIM, "10", "GBP", "c-lost")))
                .isInstanceOf(IOException.class);
        sim.faults().clear();

        assertThat(sim.ledger()).singleElement().satisfies(entry -> assertThat(entry.applied()).isTrue());
        SimClient.Answer resent = topUp(client, "lost-answer", paidByStars(WEI_SIM, "10", "GBP", "c-lost"));
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("id").asText()).isEqualTo(sim.ledger().get(0).id());
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
    }

    @Test
    void aNumberPastSavingCannotBeToppedUp() throws IOException {
        client.post("/sim/admin/lines", "{\"msisdn\":\"" + LI_NA + "\",\"expiresAt\":\""
                + sim.clock().now().minus(Duration.ofDays(91)) + "\"}");

        assertThat(code(topUp(client, "too-late", paidByStars(LI_NA, "30", "CNY", "c")))).isEqualTo("422 lineNotActive");
    }

    @Test
    void theLedgerIsServedForTests() throws IOException {
        topUp(client, "pay-ledger", paidByStars(WEI_SIM, "10", "GBP", "charge-ledger"));

        SimClient.Answer ledger = client.get("/sim/ledger");

        assertThat(ledger.json()).singleElement().satisfies(entry -> {
            assertThat(entry.get("idempotencyKey").asText()).isEqualTo("pay-ledger");
            assertThat(entry.get("msisdn").asText()).isEqualTo(WEI_SIM);
            assertThat(entry.get("amount").decimalValue().toPlainString()).isEqualTo("10.00");
            assertThat(entry.get("paymentMethod").asText()).isEqualTo("telegramStars");
            assertThat(entry.get("applied").asBoolean()).isTrue();
        });
        assertThat(Set.of(ledger.headers().firstValue("Access-Control-Allow-Origin").orElse(""))).contains("*");
    }
}
