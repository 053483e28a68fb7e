package csbot.dialogs.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Money, dates and allowances as each language writes them. */
public final class Formats {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    private Formats() {
    }

    /** Telegram Stars' currency code. */
    public static final String STARS = "XTR";

    /**
     * Looking a currency format up is costly and formats are not thread-safe: one prototype per language and
     * currency, cloned for each use.
     */
    private static final Map<String, NumberFormat> CURRENCY_FORMATS = new ConcurrentHashMap<>();

    /** {@code £12.50}, {@code HK$8.00}, {@code ⭐ 250}; an unknown currency code is written in front of the amount. */
    public static String money(Lang lang, BigDecimal amount, String currency) {
        if (STARS.equals(currency)) {
            return "⭐ " + amount.toPlainString();
        }
        if (!isKnownCurrency(currency)) {
            return currency + " " + amount.toPlainString();
        }
        NumberFormat prototype = CURRENCY_FORMATS.computeIfAbsent(lang.tag() + currency, key -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(lang.locale());
            format.setCurrency(Currency.getInstance(currency));
            return format;
        });
        return ((NumberFormat) prototype.clone()).format(amount);
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    public static String date(Lang lang, LocalDate date) {
        return (lang == Lang.ZH_CN ? ZH_DATE : EN_DATE).format(date);
    }

    /** Data allowance given in MB: {@code 3.0 GB} from 1 GB up, {@code 512 MB} below. */
    public static String data(BigDecimal megabytes) {
        if (megabytes.compareTo(BigDecimal.valueOf(1024)) >= 0) {
            return megabytes.divide(BigDecimal.valueOf(1024), 1, RoundingMode.DOWN).toPlainString() + " GB";
        }
        return megabytes.setScale(0, RoundingMode.DOWN).toPlainString() + " MB";
    }

    public static String whole(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.DOWN).toPlainString();
    }
}
