package csbot.dialogs.topup;

import csbot.backend.AccountBackend;
import csbot.backend.BackendFailure;
import csbot.backend.NotFound;
import csbot.backend.PaymentLink;
import csbot.backend.PaymentRef;
import csbot.backend.Rejected;
import csbot.backend.TopUp;
import csbot.backend.TopUpRequest;
import csbot.backend.TroubleTicketRequest;
import csbot.backend.Unavailable;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.lines.LineBalance;
import csbot.dialogs.validate.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sees a payment through to exactly one top-up. The top-up is created with the payment's key as its idempotency
 * key, so asking twice never tops up twice; an answer that is lost (timeout, dropped response) is resolved by looking
 * the top-up up by that key, never by sending it blind. A top-up still {@code created} is followed on a schedule
 * until it is final. When the backend fails a paid top-up the money goes back: Stars are refunded, anything else
 * becomes a trouble ticket. Every step is a compare-and-set in the {@link PaymentLedger}, so only one instance acts
 * and the customer hears each outcome once.
 */
public final class TopUpSettlement {

    private static final Logger log = LoggerFactory.getLogger(TopUpSettlement.class);
    private static final String CHANNEL = "telegram";
    private static final Duration FIRST_LOOK = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** Longer than one look at a payment takes (a few backend calls within their timeouts); a look that overruns it is
     *  harmless, only wasted: the top-up is keyed and every step a compare-and-set. */
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration LINK_GRACE = Duration.ofMinutes(10);
    static final String NOT_CHARGED = "notCharged";
    static final String REFUNDED = "refunded";
    static final String ESCALATING = "escalating";
    static final String ESCALATED = "escalated:";

    private final AccountBackend backend;
    private final PaymentLedger ledger;
    private final StarRefunds refunds;
    private final TopUpNotices notices;
    private final Clock clock;

    public TopUpSettlement(AccountBackend backend, PaymentLedger ledger, StarRefunds refunds, String hotline,
                           Clock clock) {
        this.backend = backend;
        this.ledger = ledger;
        this.refunds = refunds;
        this.notices = new TopUpNotices(hotline);
        this.clock = clock;
    }

    /** A payment just recorded (state APPLYING): create its top-up and say how it went. */
    public List<Outbound> settle(Payment payment) {
        try {
            TopUp topUp = payment.attempts() == 0
                    ? backend.createTopUp(request(payment), payment.key())
                    : backend.topUpByKey(payment.key())
                    .orElseGet(() -> backend.createTopUp(request(payment), payment.key()));
            return outcome(payment, topUp);
        } catch (Unavailable e) {
            return unknownYet(payment);
        } catch (Rejected | NotFound e) {
            log.warn("payment {}: the backend refused the top-up: {}", shortKey(payment), reason(e));
            return failed(payment, reason(e));
        }
    }

    /** A payment that cannot be applied at all (its invoice does not verify): the money goes back. */
    public List<Outbound> failUnapplied(Payment payment) {
        return failed(payment, "unreadableInvoice");
    }

    /** The backend says a top-up changed (an event): move the payment it belongs to on. */
    public List<Outbound> onTopUpChanged(TopUp topUp) {
        Optional<Payment> payment = ledger.find(topUp.payment().reference());
        if (payment.isEmpty() || payment.get().state().isFinal()) {
            return List.of();
        }
        return outcome(payment.get(), topUp);
    }

    /** The backend says a payment link was paid (an event): see its top-up through. */
    public List<Outbound> onPaymentLinkPaid(PaymentLink link) {
        Optional<Payment> payment = ledger.find(link.id());
        if (payment.isEmpty() || payment.get().state().isFinal()) {
            return List.of();
        }
        return followLink(payment.get(), link);
    }

    /**
     * Looks at the payments that are due, on every instance; each is taken by one of them. They are claimed one at a
     * time, so an instance that stops (a deploy) strands at most the one it was working on, for one lease, instead of
     * a whole batch it had claimed but not reached.
     */
    public List<Outbound> followDue(int max) {
        List<Outbound> out = new ArrayList<>();
        for (int taken = 0; taken < max; taken++) {
            Optional<String> claimed = ledger.claimDue(clock.instant(), LEASE);
            if (claimed.isEmpty()) {
                break;
            }
            String key = claimed.get();
            Optional<Payment> payment = ledger.find(key);
            if (payment.isEmpty()) {
                ledger.settled(key);
            } else if (payment.get().state().isFinal()) {
                out.addAll(finishEscalation(payment.get()));
            } else if (payment.get().method() == csbot.backend.PaymentMethodType.PAYMENT_LINK) {
                out.addAll(followLink(payment.get()));
            } else {
                out.addAll(settle(payment.get()));
            }
        }
        return out;
    }

    private List<Outbound> followLink(Payment payment) {
        try {
            return followLink(payment, backend.paymentLink(payment.methodRef()));
        } catch (Unavailable e) {
            return lookAgain(payment);
        }
    }

    private List<Outbound> followLink(Payment payment, PaymentLink link) {
        switch (link.status()) {
            case PAID -> {
                try {
                    return outcome(payment, backend.topUp(link.topUpId()));
                } catch (Unavailable e) {
                    return lookAgain(payment);
                }
            }
            case EXPIRED -> {
                if (ledger.advance(payment.withState(Payment.State.FAILED).withResolution(NOT_CHARGED),
                        Payment.State.APPLYING, Payment.State.PENDING)) {
                    ledger.settled(payment.key());
                }
                return List.of();
            }
            default -> {
                if (clock.instant().isAfter(link.expiresAt().toInstant().plus(LINK_GRACE))) {
                    ledger.settled(payment.key());
                    return List.of();
                }
                return lookAgain(payment);
            }
        }
    }

    private List<Outbound> outcome(Payment payment, TopUp topUp) {
        Payment known = payment.withTopUp(topUp.id());
        return switch (topUp.status()) {
            case COMPLETED -> completed(known);
            case CREATED -> pending(known);
            case FAILED, CANCELLED -> failed(known, topUp.failureReason());
        };
    }

    private List<Outbound> completed(Payment payment) {
        if (!ledger.advance(payment.withState(Payment.State.COMPLETED), Payment.State.APPLYING,
                Payment.State.PENDING)) {
            return List.of();
        }
        ledger.settled(payment.key());
        log.info("payment {}: top-up {} completed", shortKey(payment), payment.topUpId());
        return notices.completed(payment, figures(payment.msisdn()), clock.instant());
    }

    private List<Outbound> pending(Payment payment) {
        if (payment.state() == Payment.State.APPLYING
                && ledger.advance(payment.withState(Payment.State.PENDING), Payment.State.APPLYING)) {
            ledger.dueAt(payment.key(), clock.instant().plus(FIRST_LOOK));
            return notices.pending(payment);
        }
        return lookAgain(payment);
    }

    private List<Outbound> unknownYet(Payment payment) {
        log.warn("payment {}: no answer from the backend (attempt {}), will look it up by its key",
                shortKey(payment), payment.attempts() + 1);
        // "we have your payment" only while it is still open: the backend's event may have settled it, and the
        // customer heard the outcome, while this call was still waiting for the answer that got lost
        boolean open = scheduleLookAgain(payment);
        return open && payment.attempts() == 0 ? notices.received(payment) : List.of();
    }

    private List<Outbound> lookAgain(Payment payment) {
        scheduleLookAgain(payment);
        return List.of();
    }

    /** False when the payment moved on meanwhile (final, or taken by another instance): nothing to schedule. */
    private boolean scheduleLookAgain(Payment payment) {
        Payment next = payment.withAttempt();
        if (!ledger.advance(next, payment.state())) {
            return false;
        }
        ledger.dueAt(payment.key(), clock.instant().plus(delay(next.attempts())));
        return true;
    }

    /**
     * The backend will not apply it. The money goes back before the customer is told: Stars by Telegram's refund;
     * a card charged through Telegram or the backend's own checkout by a trouble ticket a person handles; a charge
     * on a saved method that failed took nothing.
     */
    private List<Outbound> failed(Payment payment, String reason) {
        Payment failing = payment.withState(Payment.State.FAILED).withResolution(ESCALATING);
        if (!ledger.advance(failing, Payment.State.APPLYING, Payment.State.PENDING)) {
            return List.of();
        }
        ledger.settled(payment.key());
        log.warn("payment {}: top-up failed ({}), paid by {}", shortKey(payment), reason, payment.method());
        switch (payment.method()) {
            case SAVED_METHOD -> {
                ledger.advance(failing.withResolution(NOT_CHARGED), Payment.State.FAILED);
                return notices.declined(payment);
            }
            case TELEGRAM_STARS -> {
                if (refunds.refund(payment.userId(), payment.methodRef())) {
                    ledger.advance(failing.withResolution(REFUNDED), Payment.State.FAILED);
                    return notices.refunded(payment);
                }
                log.error("payment {}: Stars refund failed, escalating", shortKey(payment));
                return escalate(failing, reason);
            }
            default -> {
                return escalate(failing, reason);
            }
        }
    }

    private List<Outbound> escalate(Payment failing, String reason) {
        Optional<String> ticket = openTicket(failing, reason);
        if (ticket.isPresent()) {
            ledger.advance(failing.withResolution(ESCALATED + ticket.get()), Payment.State.FAILED);
            return notices.escalated(failing, ticket.get());
        }
        ledger.dueAt(failing.key(), clock.instant().plus(delay(1)));
        return notices.escalated(failing, "");
    }

    /** A failed payment whose trouble ticket could not be opened yet. */
    private List<Outbound> finishEscalation(Payment payment) {
        if (!ESCALATING.equals(payment.resolution())) {
            ledger.settled(payment.key());
            return List.of();
        }
        Optional<String> ticket = openTicket(payment, "retry");
        if (ticket.isEmpty()) {
            ledger.dueAt(payment.key(), clock.instant().plus(delay(payment.attempts() + 1)));
            return List.of();
        }
        ledger.advance(payment.withResolution(ESCALATED + ticket.get()), Payment.State.FAILED);
        ledger.settled(payment.key());
        return notices.escalated(payment, ticket.get());
    }

    private Optional<String> openTicket(Payment payment, String reason) {
        try {
            String description = "Paid top-up not applied (" + reason + "): " + payment.paid().amount().toPlainString()
                    + " " + payment.paid().currency() + " by " + payment.method() + " for line "
                    + PhoneNumbers.mask(payment.msisdn()) + ". Refund or re-apply.";
            return Optional.of(backend.openTroubleTicket(new TroubleTicketRequest("paymentNotApplied", "major",
                    payment.msisdn(), payment.topUpId().isEmpty() ? payment.key() : payment.topUpId(), description),
                    "ticket-" + payment.key()).id());
        } catch (BackendFailure e) {
            log.error("payment {}: could not open a trouble ticket yet: {}", shortKey(payment),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Optional<LineBalance> figures(String msisdn) {
        try {
            return Optional.of(LineBalance.of(msisdn, backend.buckets(msisdn)));
        } catch (BackendFailure e) {
            return Optional.empty();
        }
    }

    private static TopUpRequest request(Payment payment) {
        return new TopUpRequest(payment.msisdn(), payment.amount(), payment.planId(),
                new PaymentRef(payment.method(), payment.methodRef()), CHANNEL);
    }

    private static Duration delay(int attempts) {
        long seconds = 2L << Math.min(attempts, 9);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }

    private static String reason(BackendFailure e) {
        return e instanceof Rejected rejected ? rejected.reasonCode() : "notFound";
    }

    /** Enough of the key to find the payment in the logs, not enough to be a charge id someone could reuse. */
    private static String shortKey(Payment payment) {
        String key = payment.key();
        return "…" + key.substring(Math.max(0, key.length() - 6));
    }
}
