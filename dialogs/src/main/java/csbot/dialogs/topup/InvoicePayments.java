package csbot.dialogs.topup;

import csbot.backend.AccountBackend;
import csbot.backend.BackendFailure;
import csbot.backend.Money;
import csbot.backend.PaymentMethodType;
import csbot.backend.TopUpOptions;
import csbot.backend.Unavailable;
import csbot.dialogs.engine.PaymentHandler;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.validate.AmountRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Telegram Payments invoices of the top-up flow: the pre-checkout (may this payment go ahead?) and the payment
 * itself, which is applied once per {@code telegram_payment_charge_id} however often Telegram reports it.
 */
public final class InvoicePayments implements PaymentHandler {

    private static final Logger log = LoggerFactory.getLogger(InvoicePayments.class);

    private final AccountBackend backend;
    private final PaymentSettings settings;
    private final PaymentLedger ledger;
    private final TopUpSettlement settlement;
    private final Clock clock;

    public InvoicePayments(AccountBackend backend, PaymentSettings settings, PaymentLedger ledger,
                           TopUpSettlement settlement, Clock clock) {
        this.backend = backend;
        this.settings = settings;
        this.ledger = ledger;
        this.settlement = settlement;
        this.clock = clock;
    }

    /**
     * Refuses, with a reason the customer reads, an invoice that is not ours, not theirs, expired, for a line that
     * can no longer be topped up or an amount that is no longer offered — and any payment while the backend cannot
     * say, since a payment that went ahead could then not be applied. Nothing is charged when it is refused.
     */
    @Override
    public Outbound.AnswerPreCheckout preCheckout(Inbound.PreCheckout query, UserProfile profile, Lang lang) {
        long chatId = query.origin().chatId();
        Optional<String> refusal = refusal(query, profile);
        if (refusal.isPresent()) {
            log.info("chat {}: payment refused at pre-checkout ({})", chatId, refusal.get());
            return new Outbound.AnswerPreCheckout(chatId, query.queryId(), false,
                    TopUpNotices.TEXTS.get(lang, "precheckout." + refusal.get()));
        }
        return new Outbound.AnswerPreCheckout(chatId, query.queryId(), true, "");
    }

    private Optional<String> refusal(Inbound.PreCheckout query, UserProfile profile) {
        Optional<InvoicePayload> payload = InvoicePayload.verify(query.payload(), settings.payloadSecret());
        if (payload.isEmpty() || payload.get().chatId() != query.origin().userId()) {
            return Optional.of("invalid");
        }
        InvoicePayload invoice = payload.get();
        if (clock.instant().isAfter(invoice.expiresAt())) {
            return Optional.of("expired");
        }
        if (!profile.owns(invoice.msisdn())) {
            return Optional.of("notYourLine");
        }
        Money amount = Money.of(invoice.amount(), invoice.currency());
        if (!InvoiceTotal.matches(settings, amount, query.currency(), query.totalAmount())) {
            return Optional.of("invalid");
        }
        try {
            TopUpOptions options = backend.topUpOptions(invoice.msisdn());
            return AmountRules.offered(options, amount.amount(), invoice.planId()) ? Optional.empty()
                    : Optional.of("amountChanged");
        } catch (Unavailable e) {
            return Optional.of("unavailable");
        } catch (BackendFailure e) {
            return Optional.of("lineNotTopUpable");
        }
    }

    @Override
    public Outbound.AnswerPreCheckout tooSlow(Inbound.PreCheckout query, Lang lang) {
        return new Outbound.AnswerPreCheckout(query.origin().chatId(), query.queryId(), false,
                TopUpNotices.TEXTS.get(lang, "precheckout.unavailable"));
    }

    @Override
    public List<Outbound> paid(Inbound.PaymentDone done, UserProfile profile, Lang lang) {
        long chatId = done.origin().chatId();
        Optional<InvoicePayload> payload = InvoicePayload.verify(done.payload(), settings.payloadSecret());
        String msisdn = payload.map(InvoicePayload::msisdn).orElse("");
        Money amount = payload.map(p -> Money.of(p.amount(), p.currency()))
                .orElse(new Money(BigDecimal.ZERO, done.currency()));
        Money paid = new Money(InvoiceTotal.toAmount(done.currency(), done.totalAmount()), done.currency());
        PaymentMethodType method = Formats.STARS.equals(done.currency())
                ? PaymentMethodType.TELEGRAM_STARS : PaymentMethodType.TELEGRAM_PROVIDER;
        Payment payment = new Payment(done.telegramChargeId(), chatId, done.origin().userId(), lang.tag(), msisdn,
                amount, payload.map(InvoicePayload::planId).orElse(""), paid, method, done.telegramChargeId(),
                done.providerChargeId(), "", Payment.State.APPLYING, 0, "", clock.millis());
        if (!ledger.open(payment)) {
            log.info("chat {}: payment reported again, already being handled", chatId);
            ledger.dueAt(payment.key(), clock.instant());
            return List.of();
        }
        if (payload.isEmpty()) {
            // paid against an invoice we cannot read (e.g. the payload secret was changed): give the money back
            log.error("chat {}: a payment arrived for an invoice whose payload does not verify", chatId);
            return settlement.failUnapplied(payment);
        }
        return settlement.settle(payment);
    }

}
