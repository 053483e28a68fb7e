package csbot.bot.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.backend.Money;
import csbot.dialogs.alerts.LineAlert;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An alert as it waits in the stream, the deferred set or the dead-letter stream: our own JSON, so an entry can move
 * between them unchanged (a Lua script moves it without reading it).
 *
 * @param kind       {@code low} or {@code expiry}
 * @param threshold  for {@code low}: the threshold crossed; "" otherwise
 * @param daysLeft   for {@code expiry}: days before the expiry date; 0 otherwise
 * @param reportedOn for {@code low}: the day (UTC) the backend reported it
 * @param validUntil epoch millis after which it is no longer sent
 * @param attempts   failed attempts at sending it so far
 * @param token      unique per alert, so two equal alerts are two members of the deferred set
 */
record QueuedAlert(long chatId, String kind, String msisdn, String balance, String currency, String threshold,
                   int daysLeft, String expiry, String recycle, String reportedOn, long validUntil, int attempts,
                   String token) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static QueuedAlert of(long chatId, LineAlert alert, long validUntil, String token) {
        if (alert instanceof LineAlert.LowBalance low) {
            return new QueuedAlert(chatId, "low", low.msisdn(), low.balance().amount().toPlainString(),
                    low.balance().currency(), low.threshold().amount().toPlainString(), 0, low.expiry().toString(),
                    low.recycle().toString(), low.reportedOn().toString(), validUntil, 0, token);
        }
        LineAlert.Expiry soon = (LineAlert.Expiry) alert;
        return new QueuedAlert(chatId, "expiry", soon.msisdn(), soon.balance().amount().toPlainString(),
                soon.balance().currency(), "", soon.daysLeft(), soon.expiry().toString(), soon.recycle().toString(),
                "", validUntil, 0, token);
    }

    LineAlert alert() {
        Money money = new Money(new BigDecimal(balance), currency);
        if ("low".equals(kind)) {
            return new LineAlert.LowBalance(msisdn, money, new Money(new BigDecimal(threshold), currency),
                    LocalDate.parse(expiry), LocalDate.parse(recycle), LocalDate.parse(reportedOn));
        }
        return new LineAlert.Expiry(msisdn, daysLeft, money, LocalDate.parse(expiry), LocalDate.parse(recycle));
    }

    QueuedAlert failedOnce() {
        return new QueuedAlert(chatId, kind, msisdn, balance, currency, threshold, daysLeft, expiry, recycle,
                reportedOn, validUntil, attempts + 1, token);
    }

    /** An operator's replay: a fresh validity window and a fresh count of attempts. */
    QueuedAlert replayed(long newValidUntil) {
        return new QueuedAlert(chatId, kind, msisdn, balance, currency, threshold, daysLeft, expiry, recycle,
                reportedOn, newValidUntil, 0, token);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert is plain data", e);
        }
    }

    /** @throws IllegalArgumentException when the entry is not an alert of ours */
    static QueuedAlert parse(String json) {
        try {
            QueuedAlert parsed = JSON.readValue(json, QueuedAlert.class);
            parsed.alert();
            return parsed;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an alert: " + e.getClass().getSimpleName());
        }
    }
}
