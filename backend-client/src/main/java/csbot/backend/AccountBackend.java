package csbot.backend;

import java.util.List;
import java.util.Optional;

/**
 * The carrier's account backend as the bot sees it. One method per contract operation;
 * every failure is a {@link BackendFailure}: {@link NotFound}, {@link Rejected} or {@link Unavailable}.
 * The values returned never hold nulls: the records refuse them, so an answer lacking a field the
 * contract requires fails here, as {@link Unavailable}, rather than later inside a conversation.
 *
 * <p>Methods taking an {@code idempotencyKey} are safe to call again with the same key and arguments: the backend
 * answers what the first call made and does nothing twice. The same key with other arguments is
 * {@link Rejected} with {@code idempotencyKeyReused}. Choose one key per intended operation (e.g. per payment) and
 * keep it until the outcome is known.
 */
public interface AccountBackend {

    /** Vendor extension {@code GET /ext/v1/lines?msisdn=}; the number must be E.164. */
    Line findLineByMsisdn(String msisdn);

    /** Vendor extension {@code GET /ext/v1/lines?iccid=}. */
    Line findLineByIccid(String iccid);

    /** TMF654 {@code GET /bucket?logicalResource.value={msisdn}}: money, data, voice and SMS left on a line. */
    List<Bucket> buckets(String msisdn);

    /** Vendor extension {@code POST /ext/v1/verifications}: sends a one-time code by SMS to the line. */
    OtpChallenge sendOtp(String msisdn);

    /** Vendor extension {@code POST /ext/v1/verifications/{id}/check}. A wrong code is an answer, not a failure. */
    OtpCheck checkOtp(String challengeId, String code);

    /** TMF hub {@code POST /hub}: the backend will POST events to {@code <callback>/listener/<eventName>}. */
    HubSubscription subscribe(String callbackUrl);

    /** TMF hub {@code DELETE /hub/{id}}. */
    void unsubscribe(String subscriptionId);

    /**
     * Vendor extension {@code GET /ext/v1/lines/{msisdn}/topupOptions}: preset amounts, number-keeping plans and the
     * custom range, in the line's currency. {@link Rejected} {@code currencyNotSupported} when the line cannot be
     * topped up.
     */
    TopUpOptions topUpOptions(String msisdn);

    /**
     * TMF654 {@code POST /topupBalance} with an {@code Idempotency-Key}: applies a paid top-up. Retried on failure;
     * a repeat answers the same top-up. When this ends {@link Unavailable}, the top-up may or may not have been made:
     * resolve it with {@link #topUpByKey}, never by asking for a new one under a new key. Refusals are
     * {@link Rejected} with {@code amountOutOfRange}, {@code tooManyDecimals}, {@code currencyMismatch},
     * {@code unknownPlan}, {@code amountMismatch}, {@code lineNotActive}, {@code unknownPaymentMethod} or
     * {@code idempotencyKeyReused}; an unknown line is {@link NotFound}. The answer may still be
     * {@link TopUpStatus#CREATED}: poll {@link #topUp} or wait for the {@code topupBalanceStateChangeEvent}.
     */
    TopUp createTopUp(TopUpRequest request, String idempotencyKey);

    /** TMF654 {@code GET /topupBalance/{id}}. */
    TopUp topUp(String id);

    /** TMF654 {@code GET /topupBalance?idempotencyKey=}: the top-up made under that key, if any. */
    Optional<TopUp> topUpByKey(String idempotencyKey);

    /** Vendor extension {@code GET /ext/v1/lines/{msisdn}/paymentMethods}: cards and wallets on file, oldest first. */
    List<SavedPaymentMethod> savedPaymentMethods(String msisdn);

    /**
     * Vendor extension {@code POST /ext/v1/paymentLinks}: the backend's checkout page for one top-up (card, Alipay,
     * WeChat Pay). The amount is checked as for {@link #createTopUp}. When paid, the backend makes the top-up itself
     * and sends {@code paymentLinkPaidEvent}.
     *
     * @param planId "" for a plain amount
     */
    PaymentLink createPaymentLink(String msisdn, Money amount, String planId, String idempotencyKey);

    /** Vendor extension {@code GET /ext/v1/paymentLinks/{id}}. */
    PaymentLink paymentLink(String id);

    /**
     * The line's auto top-ups in force: the periodic one (TMF654 {@code GET /topupBalance?isAutoTopup=true}) first,
     * then the threshold one ({@code GET /ext/v1/thresholdTopups}); at most one of each.
     */
    List<AutoTopUp> autoTopUps(String msisdn);

    /**
     * Sets up an auto top-up charged to a saved payment method: periodic by TMF654 {@code POST /topupBalance} with
     * {@code isAutoTopup}, threshold by {@code POST /ext/v1/thresholdTopups}. One of each kind per line:
     * {@link Rejected} {@code autoTopupExists} otherwise; also {@code paymentMethodNotAllowed},
     * {@code unknownPaymentMethod}, {@code amountOutOfRange}, {@code thresholdOutOfRange} ….
     */
    AutoTopUp createAutoTopUp(String msisdn, AutoTopUpRule rule, String idempotencyKey);

    /**
     * Changes an auto top-up in force ({@code PATCH}); {@code rule.kind()} must be the auto top-up's own kind
     * (changing the kind is cancel and create), else {@link IllegalArgumentException}. {@link Rejected}
     * {@code autoTopupCancelled} for one that was cancelled.
     */
    AutoTopUp changeAutoTopUp(String id, AutoTopUpRule rule);

    /** Stops an auto top-up; cancelling a cancelled one is no error. */
    void cancelAutoTopUp(String id);

    /** TMF621 {@code POST /troubleTicket}: a case for the carrier's staff, e.g. a paid top-up that finally failed. */
    TroubleTicket openTroubleTicket(TroubleTicketRequest request, String idempotencyKey);

    /** TMF621 {@code GET /troubleTicket/{id}}. */
    TroubleTicket troubleTicket(String id);

    // ---- reissue (lost, stolen, damaged or locked cards; eSIM transfer)

    /**
     * Vendor extension {@code POST /ext/v1/verifications} with {@code channel: otherChannel}: a code to the account's
     * other channel (its alternate number), never to the line — the proof a reissue or a PUK needs. Three wrong codes
     * lock it, warn the account holder there, and refuse new ones for a while ({@link Rejected}
     * {@code verificationLocked}); {@code tooManyCodes} as for {@link #sendOtp}.
     */
    OtpChallenge sendOtpToOtherChannel(String msisdn);

    /** Vendor extension {@code POST /ext/v1/lines/{msisdn}/suspension}: stops the line at once; safe to repeat. */
    Line suspendLine(String msisdn, SuspensionReason reason);

    /** Vendor extension {@code DELETE /ext/v1/lines/{msisdn}/suspension}: the lost card was found. */
    Line resumeLine(String msisdn);

    /** Vendor extension {@code GET /ext/v1/lines/{msisdn}/reissueQuote}: the fee; whether the SIM-change lock is on. */
    ReissueQuote reissueQuote(String msisdn);

    /** Vendor extension {@code GET /ext/v1/lines/{msisdn}/stores}: where a new SIM for this line can be picked up. */
    List<Store> stores(String msisdn);

    /**
     * Vendor extension {@code GET /ext/v1/lines/{msisdn}/puk}, against a verified code to the other channel
     * ({@link Rejected} {@code notVerified} otherwise).
     */
    Puk puk(String msisdn, String verificationId);

    /**
     * TMF622 {@code POST /productOrder} with an {@code Idempotency-Key}: retried, a repeat answers the same order.
     * {@link Rejected}: {@code notVerified}, {@code simChangeLocked}, {@code insufficientBalance},
     * {@code invalidFulfilment}, {@code invalidEid}, {@code orderInProgress}, {@code idempotencyKeyReused}.
     */
    ProductOrder orderReissue(ReissueRequest request, String idempotencyKey);

    /** TMF622 {@code GET /productOrder/{id}}. */
    ProductOrder productOrder(String id);

    /** TMF622 {@code GET /productOrder?msisdn=}: the line's reissue orders, newest first. */
    List<ProductOrder> productOrders(String msisdn);

    /**
     * TMF622 {@code POST /cancelProductOrder}: only while acknowledged, else {@link Rejected}
     * {@code orderNotCancellable}.
     */
    OrderState cancelProductOrder(String id);

    /**
     * Vendor extension {@code GET /ext/v1/productOrders/{id}/activationCode}: the eSIM activation code of a completed
     * order. {@link Rejected} {@code orderNotCompleted} or {@code notEsim}.
     */
    ActivationCode activationCode(String orderId);
}
