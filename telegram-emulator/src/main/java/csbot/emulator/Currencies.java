package csbot.emulator;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/**
 * The currencies an invoice may be in: Telegram Stars ({@code XTR}, whole stars) or an ISO 4217 code, with
 * amounts in the currency's smallest units (pence for GBP, whole yen for JPY). Telegram refuses a total
 * outside a range per currency, about US$1 to US$10,000 in fiat; the ranges below are that, rounded, for
 * the currencies a carrier in the UK and Hong Kong meets. Other ISO currencies only need a positive total
 * that fits the Bot API's integer.
 */
final class Currencies {

    static final String STARS = "XTR";

    private record Range(int min, int max) {
    }

    /** Inclusive, in the smallest units; Stars as measured by others against Telegram (one-off invoices). */
    private static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry(STARS, new Range(1, 100_000)),
            Map.entry("USD", new Range(100, 1_000_000)),
            Map.entry("EUR", new Range(90, 900_000)),
            Map.entry("GBP", new Range(75, 750_000)),
            Map.entry("HKD", new Range(780, 7_800_000)),
            Map.entry("CNY", new Range(700, 7_000_000)),
            Map.entry("SGD", new Range(130, 1_300_000)),
            Map.entry("AUD", new Range(150, 1_500_000)),
            Map.entry("CAD", new Range(135, 1_350_000)),
            Map.entry("JPY", new Range(150, 1_500_000)));

    private static final Map<String, String> SYMBOLS = Map.of(
            "GBP", "£", "USD", "$", "EUR", "€", "HKD", "HK$", "CNY", "CN¥", "JPY", "¥", "SGD", "S$", "AUD", "A$",
            "CAD", "CA$");

    private Currencies() {
    }

    static boolean isStars(String currency) {
        return STARS.equals(currency);
    }

    /** XTR or an ISO 4217 code the JDK knows (upper case, as Telegram wants it). */
    static boolean known(String currency) {
        if (isStars(currency)) {
            return true;
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether Telegram would take this total, in the smallest units, for a known currency. */
    static boolean totalAllowed(String currency, long total) {
        Range range = RANGES.get(currency);
        return range == null ? total >= 1 && total <= Integer.MAX_VALUE : total >= range.min() && total <= range.max();
    }

    /** E.g. "⭐ 250", "£12.50", "HK$100.00", "CHF 5.00"; what the transcript and the page show. */
    static String format(String currency, long amount) {
        if (isStars(currency)) {
            return "⭐ " + amount;
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        String number = BigDecimal.valueOf(amount, digits).toPlainString();
        String symbol = SYMBOLS.get(currency);
        return symbol == null ? currency + " " + number : symbol + number;
    }
}
