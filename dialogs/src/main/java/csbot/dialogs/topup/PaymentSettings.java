package csbot.dialogs.topup;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How customers may pay, as the operator configured it.
 *
 * @param stars           Telegram Stars invoices
 * @param provider        Telegram Payments invoices through a payment provider, in the line's currency
 * @param paymentLink     the backend's own checkout page (card, Alipay, WeChat Pay)
 * @param savedMethod     charging a card or wallet the account has on file
 * @param starsPerUnit    Stars asked for one unit of a currency (e.g. GBP → 75); a currency without a rate is not
 *                        offered in Stars
 * @param invoiceValidity an invoice older than this is refused when the customer tries to pay it
 * @param payloadSecret   signs invoice payloads so that nobody can make up one for another line or amount; must be
 *                        the same on every instance
 */
public record PaymentSettings(boolean stars, boolean provider, boolean paymentLink, boolean savedMethod,
                              Map<String, BigDecimal> starsPerUnit, Duration invoiceValidity, String payloadSecret) {

    public PaymentSettings {
        starsPerUnit = Map.copyOf(starsPerUnit);
        if (payloadSecret.length() < 16) {
            throw new IllegalArgumentException("the invoice payload secret must have at least 16 characters");
        }
    }

    /** Stars for an amount, rounded up to whole Stars; empty when the currency has no rate. */
    public Optional<Long> starsFor(BigDecimal amount, String currency) {
        BigDecimal rate = starsPerUnit.get(currency);
        if (rate == null) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(rate).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    }
}
