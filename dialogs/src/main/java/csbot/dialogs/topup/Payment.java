package csbot.dialogs.topup;

import csbot.backend.Money;
import csbot.backend.PaymentMethodType;

/**
 * One payment for one top-up, as the bot follows it from money received to the customer told the outcome. Stored
 * as JSON in Redis under its {@code key} — the idempotency key of the top-up it pays for: the Telegram charge id,
 * the payment link's id, or the order id of a charge on a saved method.
 *
 * @param msisdn         the line topped up
 * @param amount         the top-up, in the line's currency
 * @param planId         "" for a plain amount
 * @param paid           what the customer paid (Stars as {@code XTR}); equals {@code amount} outside Telegram invoices
 * @param method         how it was paid
 * @param methodRef      the method's own reference: charge id, payment link id, saved method id
 * @param providerCharge the payment provider's charge id for a fiat Telegram payment, "" otherwise
 * @param topUpId        the backend's top-up id once known, ""
 * @param attempts       how often the top-up's state was asked for without an answer
 * @param resolution     for a failed top-up: what became of the money ({@code refunded}, {@code escalated:<ticket>},
 *                       {@code notCharged}), "" otherwise
 */
public record Payment(String key, long chatId, long userId, String lang, String msisdn, Money amount, String planId,
                      Money paid, PaymentMethodType method, String methodRef, String providerCharge, String topUpId,
                      State state, int attempts, String resolution, long createdAt) {

    /** Where the payment is; every state but {@link #APPLYING} and {@link #PENDING} is final. */
    public enum State {
        /** Money received (or a charge ordered); whether the backend has the top-up is not known yet. */
        APPLYING,
        /** The backend has the top-up, still {@code created}. */
        PENDING,
        /** Applied; the customer was told. */
        COMPLETED,
        /** The backend failed it; the money was refunded, escalated or never taken, and the customer was told. */
        FAILED;

        public boolean isFinal() {
            return this == COMPLETED || this == FAILED;
        }
    }

    public Payment withState(State next) {
        return new Payment(key, chatId, userId, lang, msisdn, amount, planId, paid, method, methodRef, providerCharge,
                topUpId, next, attempts, resolution, createdAt);
    }

    public Payment withTopUp(String id) {
        return new Payment(key, chatId, userId, lang, msisdn, amount, planId, paid, method, methodRef, providerCharge,
                id, state, attempts, resolution, createdAt);
    }

    public Payment withAttempt() {
        return new Payment(key, chatId, userId, lang, msisdn, amount, planId, paid, method, methodRef, providerCharge,
                topUpId, state, attempts + 1, resolution, createdAt);
    }

    public Payment withResolution(String what) {
        return new Payment(key, chatId, userId, lang, msisdn, amount, planId, paid, method, methodRef, providerCharge,
                topUpId, state, attempts, what, createdAt);
    }
}
