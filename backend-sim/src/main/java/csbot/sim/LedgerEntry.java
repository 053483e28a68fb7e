package csbot.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One top-up the simulator made, as the ledger lists it (also the JSON of {@code GET /sim/ledger}): enough to prove
 * that every payment produced exactly one top-up and moved money once.
 *
 * @param status           {@code created}, {@code completed} or {@code failed}
 * @param applied          the money moved: true exactly when completed, and it moved once
 * @param planId           "" for a plain amount
 * @param paymentMethod    {@code telegramStars}, {@code telegramProvider}, {@code paymentLink} or {@code savedMethod}
 * @param paymentReference that method's own reference (the charge id, the link, the saved method)
 * @param autoTopUpId      the auto top-up it was a run of, "" otherwise
 * @param failureReason    the reason code when failed, "" otherwise
 */
public record LedgerEntry(String id, String idempotencyKey, String msisdn, BigDecimal amount, String currency,
                          String planId, String status, boolean applied, String paymentMethod,
                          String paymentReference, String channel, String autoTopUpId, String failureReason,
                          Instant createdAt) {

    static LedgerEntry of(TopUp.View view) {
        TopUp topUp = view.topUp();
        TopUpOrder order = topUp.order();
        String status = TopupBalanceJson.of(view).status();
        return new LedgerEntry(topUp.id(), topUp.idempotencyKey(), order.msisdn(), order.amount().amount(),
                order.amount().units(), order.planId(), status, view.status() == TopUp.Status.COMPLETED,
                order.payment().type().wireName(), order.payment().id(), order.channel(), order.autoTopUpId(),
                view.reason(), topUp.createdAt());
    }
}
