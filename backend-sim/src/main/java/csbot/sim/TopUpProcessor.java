package csbot.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns paid top-ups into money on lines, exactly once per idempotency key: checks the order, records the top-up,
 * settles it (at once, or when a pending one falls due), and then confirms it by SMS and event.
 */
final class TopUpProcessor {

    private static final Logger log = LoggerFactory.getLogger(TopUpProcessor.class);

    /** The top-up an idempotency key stands for, and whether this call made it. */
    record Placed(TopUp.View topUp, boolean isNew) {
    }

    private final AccountStore store;
    private final SavedMethods savedMethods;
    private final TopupBalances balances;
    private final TopUpOutcomes outcomes;
    private final SmsOutbox outbox;
    private final Events events;
    private final SimClock clock;
    private final Set<TopUp> pending = ConcurrentHashMap.newKeySet();

    TopUpProcessor(AccountStore store, SavedMethods savedMethods, TopupBalances balances, TopUpOutcomes outcomes,
                   SmsOutbox outbox, Events events, SimClock clock) {
        this.store = store;
        this.savedMethods = savedMethods;
        this.balances = balances;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** A top-up asked for over the API. One that breaks a rule is refused (4xx) and leaves nothing behind. */
    Placed place(String idempotencyKey, TopUpOrder order) {
        Optional<Placed> replay = replay(idempotencyKey, order);
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = clock.now();
        return claim(idempotencyKey, order, accept(order, now), Optional.empty(), now);
    }

    /**
     * A top-up the simulator makes itself (an auto top-up run, a paid payment link). The money is taken already,
     * so one that breaks a rule is still recorded, as failed with the rule's reason code, and announced.
     */
    Placed run(String idempotencyKey, TopUpOrder order) {
        Optional<Placed> replay = replay(idempotencyKey, order);
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = clock.now();
        try {
            return claim(idempotencyKey, order, accept(order, now), Optional.empty(), now);
        } catch (ApiError refused) {
            Purchase nothing = new Purchase(order.amount().amount(), order.amount().units(), order.planId(),
                    BigDecimal.ZERO, 0);
            return claim(idempotencyKey, order, nothing,
                    Optional.of(TopUpOutcomes.Decision.failNow(now, refused.code())), now);
        }
    }

    /** The top-up as it is now; a pending one whose time has come is settled first. */
    TopUp.View view(TopUp topUp) {
        return settleIfDue(topUp, clock.now());
    }

    /** Settles every pending top-up that is due by {@code now}. */
    void sweep(Instant now) {
        for (TopUp topUp : List.copyOf(pending)) {
            settleIfDue(topUp, now);
        }
    }

    List<LedgerEntry> ledger() {
        return balances.topUps().stream().map(TopUp::view).map(LedgerEntry::of).toList();
    }

    void clear() {
        pending.clear();
    }

    private Optional<Placed> replay(String idempotencyKey, TopUpOrder order) {
        return balances.keys().replay(idempotencyKey, order)
                .map(id -> new Placed(view(topUpWithId(id)), false));
    }

    /** Checks the order against the line and its offer: 404 for an unknown line, 422 for a broken rule. */
    private Purchase accept(TopUpOrder order, Instant now) {
        LineAccount line = store.byMsisdn(order.msisdn())
                .orElseThrow(() -> ApiError.notFound("no line with this number"));
        if (!line.recoverableAt(now)) {
            throw ApiError.unprocessable("lineNotActive", "this number has been expired for more than "
                    + LineAccount.RECOVERY_PERIOD.toDays() + " days and can no longer be topped up");
        }
        Purchase purchase = TopUpCatalog.forLine(line).price(order.amount(), order.planId());
        if (order.payment().type() == PaymentMethodType.SAVED_METHOD
                && savedMethods.find(line.customerId(), order.payment().id()).isEmpty()) {
            throw ApiError.unprocessable("unknownPaymentMethod", "no such saved payment method on this account");
        }
        return purchase;
    }

    private Placed claim(String idempotencyKey, TopUpOrder order, Purchase purchase,
                         Optional<TopUpOutcomes.Decision> forced, Instant now) {
        IdempotencyKeys.Claim claim = balances.keys().claim(idempotencyKey, order, () -> {
            TopUpOutcomes.Decision decision = forced.orElseGet(() -> outcomes.next(order.payment().type(), now));
            TopUp topUp = new TopUp(balances.newId(), balances.nextSeq(), idempotencyKey, order, purchase, now,
                    decision);
            balances.add(topUp);
            if (decision.dueAt().isAfter(now)) {
                pending.add(topUp);
            }
            return topUp.id();
        });
        TopUp topUp = topUpWithId(claim.resourceId());
        return new Placed(claim.isNew() ? settleIfDue(topUp, now) : view(topUp), claim.isNew());
    }

    private TopUp topUpWithId(String id) {
        return balances.byId(id).filter(TopUp.class::isInstance).map(TopUp.class::cast)
                .orElseThrow(() -> ApiError.conflict("idempotencyKeyReused",
                        "this Idempotency-Key was used for a different request; use a new key for a new operation"));
    }

    private TopUp.View settleIfDue(TopUp topUp, Instant now) {
        TopUpOutcomes.Decision decision = topUp.decision();
        if (decision.dueAt().isAfter(now)) {
            return topUp.view();
        }
        AccountStore.Change[] applied = new AccountStore.Change[1];
        boolean settled = topUp.settle(now, () -> decision.fails() ? decision.failReason() : apply(topUp, now, applied));
        if (settled) {
            pending.remove(topUp);
            if (applied[0] != null) {
                outbox.send(topUp.msisdn(), TopUpMessage.text(topUp.purchase(), applied[0]), now);
            }
            TopUp.View view = topUp.view();
            log.debug("top-up {} for {} {}", topUp.id(), Msisdns.mask(topUp.msisdn()), view.status());
            events.emit(Events.TOPUP_STATE_CHANGE, "topupBalance", TopupBalanceJson.of(view), now);
            return view;
        }
        return topUp.view();
    }

    /** Runs under the top-up's lock: the money moves here, once. "" when applied, else why not. */
    private String apply(TopUp topUp, Instant now, AccountStore.Change[] applied) {
        Purchase purchase = topUp.purchase();
        Optional<AccountStore.Change> change = store.change(topUp.msisdn(),
                line -> line.toppedUp(purchase.credit(), purchase.days(), now));
        if (change.isEmpty()) {
            return "lineNotFound";
        }
        applied[0] = change.get();
        return "";
    }
}
