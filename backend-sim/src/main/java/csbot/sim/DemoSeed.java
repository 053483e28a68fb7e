package csbot.sim;

import static csbot.sim.Allowance.DATA;
import static csbot.sim.Allowance.SMS;
import static csbot.sim.Allowance.VOICE;

import csbot.sim.AccountStore.CustomerDraft;
import csbot.sim.AccountStore.LineDraft;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo customers, one per situation the bot must handle: two lines for one person, a low
 * balance about to expire, a suspended line past its expiry. Dates are relative to the clock at seed time.
 * Numbers are libphonenumber's example mobile numbers or well-known samples, all valid for the bot's validator; ICCIDs carry valid Luhn digits.
 */
final class DemoSeed {

    private DemoSeed() {
    }

    static void into(AccountStore store, Instant now) {
        add(store, now, new CustomerDraft("Wei Zhang 张伟", "wei.zhang@example.com", "+447400123789", List.of(
                line("+447400123123", "8944200000000123454", CardType.SIM, LineStatus.ACTIVE, "GBP", "12.50",
                        Map.of(DATA, 3072L, VOICE, 120L, SMS, 50L), now.plus(Duration.ofDays(45))),
                line("+447400123456", "8944200000000456789", CardType.ESIM, LineStatus.ACTIVE, "GBP", "30.00",
                        Map.of(DATA, 20480L), now.plus(Duration.ofDays(200))))));
        add(store, now, new CustomerDraft("Chan Mei 陈美", "chan.mei@example.com", "+85261234567", List.of(
                line("+85251234567", "8985206000000012340", CardType.ESIM, LineStatus.ACTIVE, "HKD", "8.00",
                        Map.of(DATA, 512L, VOICE, 30L, SMS, 10L), now.plus(Duration.ofDays(6))))));
        add(store, now, new CustomerDraft("Li Na 李娜", "li.na@example.com", "+8613900139000", List.of(
                line("+8613800138000", "89860012345678901238", CardType.SIM, LineStatus.SUSPENDED, "CNY", "20.00",
                        Map.of(DATA, 1024L, VOICE, 100L, SMS, 30L), now.minus(Duration.ofDays(3))))));
    }

    /** Wei pays by Visa card, Chan Mei by Alipay; Li Na has nothing on file. */
    static void paymentMethodsInto(AccountStore store, SavedMethods methods) {
        methods.replace(ownerOf(store, "+447400123123"),
                List.of(new SavedMethods.SavedMethod("pm-visa-4242", SavedMethods.Kind.CARD, "Visa •••• 4242")));
        methods.replace(ownerOf(store, "+85251234567"),
                List.of(new SavedMethods.SavedMethod("pm-alipay-mei", SavedMethods.Kind.ALIPAY, "支付宝 Alipay · 陈*")));
    }

    private static String ownerOf(AccountStore store, String msisdn) {
        return store.byMsisdn(msisdn).orElseThrow(() -> new IllegalStateException("demo line missing")).customerId();
    }

    private static LineDraft line(String msisdn, String iccid, CardType type, LineStatus status, String currency,
                                  String balance, Map<Allowance, Long> allowances, Instant expiresAt) {
        return new LineDraft(msisdn, iccid, type, status, currency, new BigDecimal(balance), allowances, expiresAt);
    }

    private static void add(AccountStore store, Instant now, CustomerDraft customer) {
        store.add(customer, now).orElseThrow(() -> new IllegalStateException("demo data clashes with itself"));
    }
}
