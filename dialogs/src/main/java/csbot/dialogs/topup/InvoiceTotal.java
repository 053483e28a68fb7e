package csbot.dialogs.topup;

import csbot.backend.Money;
import csbot.dialogs.i18n.Formats;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * What Telegram charges for an invoice: a currency and an amount in its smallest units — whole Stars for {@code XTR},
 * pence for {@code GBP}, cents for {@code HKD}.
 */
record InvoiceTotal(String currency, long amount) {

    /** The top-up in Stars, when Stars are on and the currency has a rate. */
    static Optional<InvoiceTotal> stars(PaymentSettings settings, Money topUp) {
        if (!settings.stars()) {
            return Optional.empty();
        }
        return settings.starsFor(topUp.amount(), topUp.currency()).map(stars -> new InvoiceTotal(Formats.STARS, stars));
    }

    /** The top-up in the line's own currency through the payment provider. */
    static Optional<InvoiceTotal> fiat(PaymentSettings settings, Money topUp) {
        if (!settings.provider()) {
            return Optional.empty();
        }
        int digits = Currency.getInstance(topUp.currency()).getDefaultFractionDigits();
        return Optional.of(new InvoiceTotal(topUp.currency(), topUp.amount().movePointRight(digits).longValueExact()));
    }

    /** Whether a query's currency and total are what an invoice for {@code topUp} asks. */
    static boolean matches(PaymentSettings settings, Money topUp, String currency, long amount) {
        InvoiceTotal asked = new InvoiceTotal(currency, amount);
        return stars(settings, topUp).filter(asked::equals).isPresent()
                || fiat(settings, topUp).filter(asked::equals).isPresent();
    }

    /** Smallest units back to an amount: 1250 GBP → 12.50; Stars stay whole. */
    static BigDecimal toAmount(String currency, long smallestUnits) {
        if (Formats.STARS.equals(currency)) {
            return BigDecimal.valueOf(smallestUnits);
        }
        return BigDecimal.valueOf(smallestUnits, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
