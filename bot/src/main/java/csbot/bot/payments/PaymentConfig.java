package csbot.bot.payments;

import csbot.backend.AccountBackend;
import csbot.bot.config.DialogProperties;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.topup.InvoicePayments;
import csbot.dialogs.topup.PaymentLedger;
import csbot.dialogs.topup.PaymentSettings;
import csbot.dialogs.topup.StarRefunds;
import csbot.dialogs.topup.TopUpSettlement;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/** The top-up flow's payment parts: settings, the payment ledger in Redis, settlement, invoice payments. */
@Configuration(proxyBeanMethods = false)
class PaymentConfig {

    private static final Logger log = LoggerFactory.getLogger(PaymentConfig.class);
    /** DESIGN §4: results of idempotent operations are kept 7 days. */
    private static final Duration PAYMENT_RETENTION = Duration.ofDays(7);

    @Bean
    PaymentSettings paymentSettings(PaymentProperties properties) {
        String secret = properties.payloadSecret();
        if (secret.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("PAYMENT_PAYLOAD_SECRET is not set: invoices are signed with a key of this process only, "
                    + "so other instances and restarts will refuse them at pre-checkout");
        }
        return properties.settings(secret);
    }

    @Bean
    PaymentLedger paymentLedger(RedisClusterCommands<String, String> redis, KeySpace keys) {
        return new PaymentLedger(redis, keys, PAYMENT_RETENTION);
    }

    @Bean
    TopUpSettlement topUpSettlement(AccountBackend backend, PaymentLedger ledger, StarRefunds refunds,
                                    DialogProperties dialog, Clock clock) {
        return new TopUpSettlement(backend, ledger, refunds, dialog.hotline(), clock);
    }

    @Bean
    InvoicePayments invoicePayments(AccountBackend backend, PaymentSettings settings, PaymentLedger ledger,
                                    TopUpSettlement settlement, Clock clock) {
        return new InvoicePayments(backend, settings, ledger, settlement, clock);
    }
}
