package csbot.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** Request bodies and reads the top-up tests share. */
final class TopUps {

    private TopUps() {
    }

    /** A top-up paid by Telegram Stars (the reference is Telegram's charge id). */
    static String paidByStars(String msisdn, String amount, String currency, String chargeId) {
        return body(msisdn, amount, currency, "", "telegramStars", chargeId);
    }

    static String body(String msisdn, String amount, String currency, String planId, String paymentType,
                       String reference) {
        return "{\"amount\":{\"amount\":" + amount + ",\"units\":\"" + currency + "\"},"
                + "\"logicalResource\":{\"value\":\"" + msisdn + "\"},\"channel\":{\"name\":\"telegram\"},"
                + "\"paymentMethod\":{\"@type\":\"" + paymentType + "\",\"id\":\"" + reference + "\"}"
                + (planId.isEmpty() ? "" : ",\"product\":{\"id\":\"" + planId + "\"}") + "}";
    }

    static SimClient.Answer topUp(SimClient client, String key, String body) throws IOException {
        return client.post("/topupBalance", key, body);
    }

    static JsonNode money(SimClient client, String msisdn) throws IOException {
        return client.get("/bucket?logicalResource.value=" + SimClient.encode(msisdn)).json().get(0);
    }

    static BigDecimal balance(SimClient client, String msisdn) throws IOException {
        return money(client, msisdn).get("remainingValue").get("amount").decimalValue();
    }

    static Instant expiry(SimClient client, String msisdn) throws IOException {
        return Instant.parse(money(client, msisdn).get("validFor").get("endDateTime").asText());
    }

    static String code(SimClient.Answer answer) {
        return answer.status() + " " + answer.json().path("code").asText();
    }
}
