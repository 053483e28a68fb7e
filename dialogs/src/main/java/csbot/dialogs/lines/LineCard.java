package csbot.dialogs.lines;

import csbot.backend.LineStatus;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.validate.PhoneNumbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A line's balance, allowances, expiry and status as the customer reads them — the balance card, and the three
 * facts that tell a customer a top-up worked (new balance, new expiry, line status).
 */
public final class LineCard {

    /** Days before expiry from which the card warns that the number may be lost. */
    public static final int EXPIRY_WARNING_DAYS = 7;

    private static final Texts TEXTS = Texts.load("csbot/dialogs/lines/texts");

    private LineCard() {
    }

    public static Texts texts() {
        return TEXTS;
    }

    /** Line and status, money, allowances, expiry with the days left. */
    public static String figures(Lang lang, LineBalance balance, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append(TEXTS.get(lang, "card.line", "number", PhoneNumbers.mask(balance.msisdn()),
                "status", status(lang, balance.status())));
        balance.money().ifPresent(m -> text.append('\n').append(TEXTS.get(lang, "card.money",
                "amount", Formats.money(lang, m.amount(), m.units()))));
        List<String> allowances = new ArrayList<>();
        balance.data().ifPresent(d -> allowances.add(TEXTS.get(lang, "card.data", "amount", Formats.data(d.amount()))));
        balance.voice().ifPresent(v -> allowances.add(TEXTS.get(lang, "card.voice", "amount",
                Formats.whole(v.amount()))));
        balance.sms().ifPresent(s -> allowances.add(TEXTS.get(lang, "card.sms", "amount", Formats.whole(s.amount()))));
        if (!allowances.isEmpty()) {
            text.append('\n').append(String.join("  ", allowances));
        }
        if (balance.expiryDate().isPresent()) {
            String date = Formats.date(lang, balance.expiryDate().get());
            long days = balance.daysLeft(now).orElseThrow();
            text.append('\n').append(days >= 0
                    ? TEXTS.get(lang, "card.expiry", "date", date, "days", days)
                    : TEXTS.get(lang, "card.expired", "date", date, "days", -days));
        }
        return text.toString();
    }

    /** The figures, and what to do about an expiry that is near or a line that is suspended. */
    public static String card(Lang lang, LineBalance balance, Instant now, String hotline) {
        StringBuilder text = new StringBuilder(figures(lang, balance, now));
        if (balance.expiryDate().isPresent() && balance.status() == LineStatus.ACTIVE) {
            long days = balance.daysLeft(now).orElseThrow();
            if (days >= 0 && days <= EXPIRY_WARNING_DAYS) {
                text.append("\n\n").append(TEXTS.get(lang, "card.expiringSoon",
                        "date", Formats.date(lang, balance.expiryDate().get())));
            }
        }
        if (balance.status() == LineStatus.SUSPENDED) {
            text.append("\n\n").append(TEXTS.get(lang, "card.suspendedHelp", "hotline", hotline));
        }
        return text.toString();
    }

    public static String status(Lang lang, LineStatus status) {
        return TEXTS.get(lang, "status." + status.name());
    }
}
