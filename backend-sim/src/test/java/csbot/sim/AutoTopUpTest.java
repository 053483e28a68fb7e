package csbot.sim;

import static csbot.sim.TopUps.balance;
import static csbot.sim.TopUps.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class AutoTopUpTest extends SimulatorTestBase {

    private static final String WEI_CARD = "pm-visa-4242";

    private static String periodic(String msisdn, String amount, String period, String methodType, String methodId) {
        return "{\"isAutoTopup\":true,\"recurringPeriod\":\"" + period + "\",\"amount\":{\"amount\":" + amount
                + ",\"units\":\"GBP\"},\"logicalResource\":{\"value\":\"" + msisdn + "\"},"
                + "\"paymentMethod\":{\"@type\":\"" + methodType + "\",\"id\":\"" + methodId + "\"},"
                + "\"lowBalanceReminder\":true}";
    }

    private static String threshold(String msisdn, String below, String amount, String currency, String methodId) {
        return "{\"msisdn\":\"" + msisdn + "\",\"threshold\":{\"amount\":" + below + ",\"units\":\"" + currency + "\"},"
                + "\"amount\":{\"amount\":" + amount + ",\"units\":\"" + currency + "\"},"
                + "\"paymentMethod\":{\"@type\":\"savedMethod\",\"id\":\"" + methodId + "\"}}";
    }

    @Test
    void savedPaymentMethodsBelongToTheLinesAccount() throws IOException {
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(WEI_SIM_ESIM) + "/paymentMethods").json())
                .singleElement().satisfies(method -> {
                    assertThat(method.get("id").asText()).isEqualTo(WEI_CARD);
                    assertThat(method.get("kind").asText()).isEqualTo("card");
                    assertThat(method.get("label").asText()).isEqualTo("Visa •••• 4242");
                });
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(CHAN_MEI) + "/paymentMethods").json().get(0)
                .get("kind").asText()).isEqualTo("alipay");
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(LI_NA) + "/paymentMethods").json()).isEmpty();
        assertThat(code(client.get("/ext/v1/lines/%2B447400123000/paymentMethods"))).isEqualTo("404 notFound");

        SimClient.Answer set = client.post("/sim/admin/paymentMethods", "{\"msisdn\":\"" + LI_NA + "\",\"methods\":["
                + "{\"id\":\"pm-li-wechat\",\"kind\":\"wechatPay\",\"label\":\"微信支付 WeChat Pay · 李*\"}]}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(client.get("/ext/v1/lines/" + SimClient.encode(LI_NA) + "/paymentMethods").json().get(0)
                .get("id").asText()).isEqualTo("pm-li-wechat");
    }

    @Test
    void aPeriodicAutoTopUpRunsEachPeriodOnTheSimulatorClock() throws IOException {
        Instant now = sim.clock().now();
        SimClient.Answer created = client.post("/topupBalance", "auto-1", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD));

        assertThat(created.status()).isEqualTo(201);
        JsonNode rule = created.json();
        assertThat(rule.get("id").asText()).startsWith("tb-");
        assertThat(rule.get("isAutoTopup").asBoolean()).isTrue();
        assertThat(rule.get("status").asText()).isEqualTo("created");
        assertThat(rule.get("recurringPeriod").asText()).isEqualTo("monthly");
        assertThat(rule.get("lowBalanceReminder").asBoolean()).isTrue();
        Instant createdAt = Instant.parse(rule.get("creationDate").asText());
        assertThat(createdAt).isCloseTo(now, within(1, ChronoUnit.SECONDS));
        assertThat(Instant.parse(rule.get("nextRunDate").asText()))
                .isEqualTo(createdAt.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(sim.ledger()).as("nothing is charged when it is set up").isEmpty();

        sim.clock().advance(Duration.ofDays(32));

        assertThat(sim.ledger()).singleElement().satisfies(run -> {
            assertThat(run.autoTopUpId()).isEqualTo(rule.get("id").asText());
            assertThat(run.channel()).isEqualTo("autoTopup");
            assertThat(run.paymentMethod()).isEqualTo("savedMethod");
            assertThat(run.paymentReference()).isEqualTo(WEI_CARD);
            assertThat(run.applied()).isTrue();
        });
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("22.50");
        assertThat(sim.events()).extracting(EmittedEvent::eventType).containsExactly("topupBalanceStateChangeEvent");
        assertThat(sim.events().get(0).body()).contains("\"autoTopupId\":\"" + rule.get("id").asText() + "\"");
        assertThat(Instant.parse(client.get("/topupBalance/" + rule.get("id").asText()).json().get("nextRunDate").asText()))
                .isEqualTo(createdAt.atZone(ZoneOffset.UTC).plusMonths(2).toInstant());

        sim.clock().advance(Duration.ofDays(61));

        assertThat(sim.ledger()).as("each missed month once").hasSize(3);
    }

    @Test
    void oneAutoTopUpOfEachKindPerLine() throws IOException {
        client.post("/topupBalance", "auto-2", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD));

        assertThat(code(client.post("/topupBalance", "auto-3", periodic(WEI_SIM, "20", "yearly", "savedMethod", WEI_CARD))))
                .isEqualTo("409 autoTopupExists");
        assertThat(client.post("/topupBalance", "auto-2", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD))
                .status()).as("a repeat of the first").isEqualTo(200);
        assertThat(client.post("/ext/v1/thresholdTopups", "th-1", threshold(WEI_SIM, "5", "10", "GBP", WEI_CARD))
                .status()).as("another kind").isEqualTo(201);
        assertThat(code(client.post("/ext/v1/thresholdTopups", "th-2", threshold(WEI_SIM, "3", "10", "GBP", WEI_CARD))))
                .isEqualTo("409 autoTopupExists");
        assertThat(client.post("/topupBalance", "auto-4", periodic(WEI_SIM_ESIM, "10", "monthly", "savedMethod", WEI_CARD))
                .status()).as("another line").isEqualTo(201);
    }

    @Test
    void autoTopUpsNeedAnAmountAPeriodAndASavedMethodOfTheAccount() throws IOException {
        assertThat(code(client.post("/topupBalance", "a-1", periodic(WEI_SIM, "10", "monthly", "telegramStars", "c"))))
                .isEqualTo("422 paymentMethodNotAllowed");
        assertThat(code(client.post("/topupBalance", "a-2", periodic(WEI_SIM, "10", "monthly", "savedMethod", "pm-alipay-mei"))))
                .isEqualTo("422 unknownPaymentMethod");
        assertThat(code(client.post("/topupBalance", "a-3", periodic(WEI_SIM, "1000", "monthly", "savedMethod", WEI_CARD))))
                .isEqualTo("422 amountOutOfRange");
        assertThat(code(client.post("/topupBalance", "a-4", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD)
                .replace("\"recurringPeriod\":\"monthly\",", "")))).isEqualTo("422 recurringPeriodRequired");
        assertThat(code(client.post("/topupBalance", "a-5", periodic(WEI_SIM, "10", "weekly", "savedMethod", WEI_CARD))))
                .isEqualTo("400 invalidBody");
        assertThat(code(client.post("/ext/v1/thresholdTopups", "t-1", threshold(WEI_SIM, "600", "10", "GBP", WEI_CARD))))
                .isEqualTo("422 thresholdOutOfRange");
        assertThat(code(client.post("/ext/v1/thresholdTopups", "t-2", threshold(WEI_SIM, "5", "10", "HKD", WEI_CARD))))
                .isEqualTo("422 currencyMismatch");
        assertThat(code(client.post("/ext/v1/thresholdTopups", "t-3", threshold(LI_NA, "5", "10", "CNY", WEI_CARD))))
                .isEqualTo("422 unknownPaymentMethod");
    }

    @Test
    void aPeriodicAutoTopUpIsChangedAndCancelledByMergePatch() throws IOException {
        String id = client.post("/topupBalance", "auto-5", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD))
                .json().get("id").asText();
        sim.clock().advance(Duration.ofDays(10));

        SimClient.Answer changed = client.patch("/topupBalance/" + id,
                "{\"amount\":{\"amount\":20,\"units\":\"GBP\"},\"recurringPeriod\":\"quarterly\",\"lowBalanceReminder\":false}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("amount").get("amount").decimalValue()).isEqualByComparingTo("20");
        assertThat(changed.json().get("lowBalanceReminder").asBoolean()).isFalse();
        assertThat(Instant.parse(changed.json().get("nextRunDate").asText()))
                .as("a new period counts from the change")
                .isCloseTo(sim.clock().now().atZone(ZoneOffset.UTC).plusMonths(3).toInstant(), within(1, ChronoUnit.SECONDS));
        assertThat(client.patch("/topupBalance/" + id, "{\"recurringPeriod\":\"quarterly\"}").json().get("nextRunDate"))
                .as("the same patch again changes nothing").isEqualTo(changed.json().get("nextRunDate"));
        assertThat(code(client.patch("/topupBalance/" + id, "{\"amount\":{\"amount\":0.5,\"units\":\"GBP\"}}")))
                .isEqualTo("422 amountOutOfRange");

        SimClient.Answer cancelled = client.patch("/topupBalance/" + id, "{\"status\":\"cancelled\"}");

        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().has("nextRunDate")).isFalse();
        assertThat(client.patch("/topupBalance/" + id, "{\"status\":\"cancelled\"}").status()).isEqualTo(200);
        assertThat(code(client.patch("/topupBalance/" + id, "{\"recurringPeriod\":\"yearly\"}")))
                .isEqualTo("409 autoTopupCancelled");
        sim.clock().advance(Duration.ofDays(400));
        assertThat(sim.ledger()).isEmpty();
        assertThat(client.post("/topupBalance", "auto-6", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD))
                .status()).as("a cancelled one leaves room for a new one").isEqualTo(201);
    }

    @Test
    void onlyAutoTopUpsCanBePatched() throws IOException {
        String topUp = TopUps.topUp(client, "plain", TopUps.paidByStars(WEI_SIM, "10", "GBP", "c")).json().get("id").asText();

        assertThat(code(client.patch("/topupBalance/" + topUp, "{\"status\":\"cancelled\"}")))
                .isEqualTo("409 notAnAutoTopup");
        assertThat(code(client.patch("/topupBalance/tb-nothing", "{\"status\":\"cancelled\"}"))).isEqualTo("404 notFound");
        assertThat(code(client.patch("/topupBalance/" + topUp, "{\"status\":\"completed\"}"))).isEqualTo("400 invalidBody");
    }

    @Test
    void periodicAutoTopUpsAreListedWithTheLinesTopUps() throws IOException {
        String id = client.post("/topupBalance", "auto-7", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD))
                .json().get("id").asText();
        TopUps.topUp(client, "plain-2", TopUps.paidByStars(WEI_SIM, "10", "GBP", "c"));

        String line = SimClient.encode(WEI_SIM);
        assertThat(client.get("/topupBalance?logicalResource.value=" + line + "&isAutoTopup=true").json())
                .extracting(found -> found.get("id").asText()).containsExactly(id);
        assertThat(client.get("/topupBalance?logicalResource.value=" + line + "&isAutoTopup=false").json())
                .singleElement().satisfies(found -> assertThat(found.get("isAutoTopup").asBoolean()).isFalse());
        assertThat(client.get("/topupBalance?idempotencyKey=auto-7").json().get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void aThresholdAutoTopUpRunsWhenTheBalanceFallsBelowIt() throws IOException {
        SimClient.Answer created = client.post("/ext/v1/thresholdTopups", "th-3",
                threshold(WEI_SIM, "10", "20", "GBP", WEI_CARD));
        String id = created.json().get("id").asText();

        assertThat(created.status()).isEqualTo(201);
        assertThat(id).startsWith("tt-");
        assertThat(created.json().get("status").asText()).isEqualTo("active");

        client.post("/sim/admin/usage", "{\"msisdn\":\"" + WEI_SIM + "\",\"amount\":2}");
        assertThat(sim.ledger()).as("10.50 is not below 10").isEmpty();

        SimClient.Answer spent = client.post("/sim/admin/usage", "{\"msisdn\":\"" + WEI_SIM + "\",\"amount\":1}");

        assertThat(spent.json().get("balance").decimalValue()).as("9.50 + 20").isEqualByComparingTo("29.50");
        assertThat(sim.ledger()).singleElement().satisfies(run -> {
            assertThat(run.autoTopUpId()).isEqualTo(id);
            assertThat(run.amount()).isEqualByComparingTo("20");
        });
        assertThat(client.get("/ext/v1/thresholdTopups?msisdn=" + SimClient.encode(WEI_SIM)).json().get(0)
                .has("lastRunDate")).isTrue();

        client.post("/sim/admin/lines", "{\"msisdn\":\"" + WEI_SIM + "\",\"balance\":4}");

        assertThat(sim.ledger()).as("an admin change of balance crosses too").hasSize(2);
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("24");
    }

    @Test
    void aDeclinedCardFailsTheRunAndTheBalanceStays() throws IOException {
        client.post("/ext/v1/thresholdTopups", "th-4", threshold(WEI_SIM, "10", "20", "GBP", WEI_CARD));
        client.post("/sim/admin/topups", "{\"outcome\":\"fail\",\"failReason\":\"declined\",\"paymentMethod\":\"savedMethod\"}");

        client.post("/sim/admin/usage", "{\"msisdn\":\"" + WEI_SIM + "\",\"amount\":5}");

        assertThat(sim.ledger()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.failureReason()).isEqualTo("declined");
        });
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("7.50");
        assertThat(sim.events().get(0).body()).contains("\"status\":\"failed\"", "\"reason\":\"declined\"",
                "\"autoTopupId\":\"tt-");
    }

    @Test
    void aRunWhoseCardWasRemovedFailsOnRecord() throws IOException {
        client.post("/topupBalance", "auto-8", periodic(WEI_SIM, "10", "monthly", "savedMethod", WEI_CARD));
        client.post("/sim/admin/paymentMethods", "{\"msisdn\":\"" + WEI_SIM + "\",\"methods\":[]}");

        sim.clock().advance(Duration.ofDays(32));

        assertThat(sim.ledger()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.failureReason()).isEqualTo("unknownPaymentMethod");
        });
    }

    @Test
    void aThresholdAutoTopUpIsChangedAndCancelled() throws IOException {
        String id = client.post("/ext/v1/thresholdTopups", "th-5", threshold(WEI_SIM, "10", "20", "GBP", WEI_CARD))
                .json().get("id").asText();

        SimClient.Answer changed = client.patch("/ext/v1/thresholdTopups/" + id,
                "{\"threshold\":{\"amount\":5,\"units\":\"GBP\"},\"lowBalanceReminder\":true}");

        assertThat(changed.json().get("threshold").get("amount").decimalValue()).isEqualByComparingTo("5");
        assertThat(changed.json().get("amount").get("amount").decimalValue()).isEqualByComparingTo("20");
        assertThat(changed.json().get("lowBalanceReminder").asBoolean()).isTrue();
        assertThat(client.delete("/ext/v1/thresholdTopups/" + id).status()).isEqualTo(204);
        assertThat(client.delete("/ext/v1/thresholdTopups/" + id).status()).as("cancelling again").isEqualTo(204);
        assertThat(code(client.patch("/ext/v1/thresholdTopups/" + id, "{\"lowBalanceReminder\":false}")))
                .isEqualTo("409 autoTopupCancelled");
        assertThat(client.get("/ext/v1/thresholdTopups?msisdn=" + SimClient.encode(WEI_SIM)).json())
                .singleElement().satisfies(rule -> assertThat(rule.get("status").asText()).isEqualTo("cancelled"));
        assertThat(code(client.delete("/ext/v1/thresholdTopups/tt-nothing"))).isEqualTo("404 notFound");

        client.post("/sim/admin/usage", "{\"msisdn\":\"" + WEI_SIM + "\",\"amount\":10}");
        assertThat(sim.ledger()).isEmpty();
    }
}
