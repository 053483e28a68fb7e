package csbot.bot.payments;

import csbot.dialogs.topup.PaymentSettings;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * How customers may pay for top-ups. Environment: {@code PAYMENT_PROVIDER_TOKEN} (a Telegram payment provider's
 * token; fiat invoices are offered only with one), {@code PAYMENT_PAYLOAD_SECRET} (signs invoice payloads; the same
 * on every instance — without it each start picks a random one and unpaid invoices from before a restart are refused).
 *
 * @param stars          offer Telegram Stars invoices
 * @param providerToken  Telegram payment provider token for invoices in the line's currency; blank: not offered
 * @param paymentLink    offer the backend's checkout page
 * @param savedMethod    offer the account's cards and wallets on file
 * @param starsPerUnit   Stars per unit of a line's currency, e.g. {@code GBP: 75}
 * @param invoiceValidity how long an invoice can be paid
 */
@Validated
@ConfigurationProperties("csbot.payments")
public record PaymentProperties(boolean stars, String providerToken, boolean paymentLink, boolean savedMethod,
                                @NotNull Map<String, BigDecimal> starsPerUnit, @NotNull Duration invoiceValidity,
                                String payloadSecret) {

    public PaymentProperties {
        providerToken = providerToken == null ? "" : providerToken;
        payloadSecret = payloadSecret == null ? "" : payloadSecret;
    }

    public PaymentSettings settings(String secret) {
        return new PaymentSettings(stars, !providerToken.isBlank(), paymentLink, savedMethod, starsPerUnit,
                invoiceValidity, secret);
    }

    /** Keeps the provider token and the secret out of logs and actuator output. */
    @Override
    public String toString() {
        return "PaymentProperties[stars=" + stars + ", provider=" + !providerToken.isBlank() + ", paymentLink="
                + paymentLink + ", savedMethod=" + savedMethod + "]";
    }
}
