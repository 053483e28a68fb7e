package csbot.sim;

import static csbot.sim.TopUps.balance;
import static csbot.sim.TopUps.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentLinkTest extends SimulatorTestBase {

    private static String link(String msisdn, String amount, String currency, String planId) {
        return "{\"msisdn\":\"" + msisdn + "\",\"amount\":{\"amount\":" + amount + ",\"units\":\"" + currency + "\"}"
                + (planId.isEmpty() ? "" : ",\"planId\":\"" + planId + "\"") + "}";
    }

    private JsonNode create(String key, String body) throws IOException {
        SimClient.Answer created = client.post("/ext/v1/paymentLinks", key, body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aLinkOpensTheSimulatorsOwnCheckoutPage() throws IOException {
        JsonNode link = create("link-1", link(WEI_SIM, "20", "GBP", ""));

        assertThat(link.get("id").asText()).startsWith("pl-");
        assertThat(link.get("status").asText()).isEqualTo("open");
        assertThat(link.get("amount").get("amount").decimalValue().toPlainString()).isEqualTo("20.00");
        assertThat(link.has("topUpId")).isFalse();
        assertThat(Instant.parse(link.get("expiresAt").asText()))
                .isEqualTo(Instant.parse(link.get("creationDate").asText()).plus(Duration.ofMinutes(30)));
        URI url = URI.create(link.get("url").asText());
        assertThat(url.toString()).startsWith(sim.baseUrl().toString()).endsWith("/checkout/" + link.get("id").asText());

        SimClient.Answer page = client.get(url.getPath());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.text()).contains("GBP 20.00", "+44 ••••••3123", "银行卡", "Card", "支付宝", "Alipay", "微信支付",
                "WeChat Pay", "name=\"method\" value=\"wechatPay\"")
                .doesNotContain("447400123123")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void payingTheLinkTopsUpOnceEvenWhenPaidTwice() throws IOException {
        JsonNode link = create("link-2", link(WEI_SIM, "20", "GBP", ""));
        String id = link.get("id").asText();

        SimClient.Answer paidPage = client.postForm("/checkout/" + id + "/pay", "method=alipay");
        SimClient.Answer again = client.post("/checkout/" + id + "/pay", "{\"method\":\"card\"}");

        assertThat(paidPage.status()).isEqualTo(200);
        assertThat(paidPage.text()).contains("支付成功", "Payment received", "Alipay");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("paid");
        assertThat(again.json().get("paidWith").asText()).as("the first payment stands").isEqualTo("alipay");
        String topUpId = again.json().get("topUpId").asText();
        assertThat(sim.ledger()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(topUpId);
            assertThat(entry.paymentMethod()).isEqualTo("paymentLink");
            assertThat(entry.paymentReference()).isEqualTo(id);
            assertThat(entry.channel()).isEqualTo("paymentLink");
            assertThat(entry.applied()).isTrue();
        });
        assertThat(balance(client, WEI_SIM)).isEqualByComparingTo("32.50");
        assertThat(sim.events()).extracting(EmittedEvent::eventType)
                .containsExactly("topupBalanceStateChangeEvent", "paymentLinkPaidEvent");
        assertThat(sim.events().get(1).body()).contains("\"topUpId\":\"" + topUpId + "\"", "\"status\":\"paid\"");
        JsonNode read = client.get("/ext/v1/paymentLinks/" + id).json();
        assertThat(read.get("status").asText()).isEqualTo("paid");
        assertThat(read.get("topUpId").asText()).isEqualTo(topUpId);
        assertThat(client.get("/topupBalance/" + topUpId).json().get("paymentMethod").get("id").asText()).isEqualTo(id);
    }

    @Test
    void aPlanCanBeBoughtByLink() throws IOException {
        Instant expiry = TopUps.expiry(client, CHAN_MEI);
        String id = create("link-3", link(CHAN_MEI, "98", "HKD", "keep-90")).get("id").asText();

        client.post("/checkout/" + id + "/pay", "{\"method\":\"wechatPay\"}");

        assertThat(TopUps.expiry(client, CHAN_MEI)).isEqualTo(expiry.plus(Duration.ofDays(90)));
        assertThat(sim.ledger().get(0).planId()).isEqualTo("keep-90");
    }

    @Test
    void theSameKeyGivesTheSameLink() throws IOException {
        JsonNode first = create("link-4", link(WEI_SIM, "20", "GBP", ""));
        SimClient.Answer again = client.post("/ext/v1/paymentLinks", "link-4", link(WEI_SIM, "20.00", "GBP", ""));
        SimClient.Answer other = client.post("/ext/v1/paymentLinks", "link-4", link(WEI_SIM, "30", "GBP", ""));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.get("id"));
        assertThat(code(other)).isEqualTo("409 idempotencyKeyReused");
    }

    @Test
    void anAmountIsCheckedWhenTheLinkIsMadeNotWhenItIsPaid() throws IOException {
        assertThat(code(client.post("/ext/v1/paymentLinks", "l-1", link(WEI_SIM, "1000", "GBP", ""))))
                .isEqualTo("422 amountOutOfRange");
        assertThat(code(client.post("/ext/v1/paymentLinks", "l-2", link(WEI_SIM, "10", "CNY", ""))))
                .isEqualTo("422 currencyMismatch");
        assertThat(code(client.post("/ext/v1/paymentLinks", "l-3", link("+447400123000", "10", "GBP", ""))))
                .isEqualTo("404 notFound");
        assertThat(code(client.post("/ext/v1/paymentLinks", link(WEI_SIM, "10", "GBP", ""))))
                .isEqualTo("400 idempotencyKeyRequired");
    }

    @Test
    void anUnpaidLinkExpiresAfterThirtyMinutesAndCannotBePaidThen() throws IOException {
        String id = create("link-5", link(WEI_SIM, "20", "GBP", "")).get("id").asText();

        sim.clock().advance(Duration.ofMinutes(30));

        assertThat(client.get("/ext/v1/paymentLinks/" + id).json().get("status").asText()).isEqualTo("expired");
        assertThat(client.get("/checkout/" + id).text()).contains("链接已过期", "This link has expired");
        assertThat(code(client.post("/checkout/" + id + "/pay", "{\"method\":\"card\"}")))
                .isEqualTo("409 paymentLinkExpired");
        assertThat(client.postForm("/checkout/" + id + "/pay", "method=card").status()).isEqualTo(409);
        assertThat(sim.ledger()).isEmpty();
    }

    @Test
    void unknownLinksAndMethodsAreTold() throws IOException {
        String id = create("link-6", link(WEI_SIM, "20", "GBP", "")).get("id").asText();

        assertThat(code(client.get("/ext/v1/paymentLinks/pl-nothing"))).isEqualTo("404 notFound");
        assertThat(client.get("/checkout/pl-nothing").status()).isEqualTo(404);
        assertThat(code(client.post("/checkout/" + id + "/pay", "{\"method\":\"cash\"}"))).isEqualTo("400 invalidBody");
        assertThat(sim.ledger()).isEmpty();
    }
}
