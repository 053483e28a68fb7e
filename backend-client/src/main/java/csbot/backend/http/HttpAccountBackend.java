package csbot.backend.http;

import csbot.backend.AccountBackend;
import csbot.backend.ActivationCode;
import csbot.backend.LineType;
import csbot.backend.OrderState;
import csbot.backend.ProductOrder;
import csbot.backend.Puk;
import csbot.backend.ReissueQuote;
import csbot.backend.ReissueRequest;
import csbot.backend.Store;
import csbot.backend.SuspensionReason;
import csbot.backend.AutoTopUp;
import csbot.backend.AutoTopUpKind;
import csbot.backend.AutoTopUpRule;
import csbot.backend.AutoTopUpStatus;
import csbot.backend.Bucket;
import csbot.backend.HubSubscription;
import csbot.backend.Line;
import csbot.backend.Money;
import csbot.backend.OtpChallenge;
import csbot.backend.OtpCheck;
import csbot.backend.PaymentLink;
import csbot.backend.SavedPaymentMethod;
import csbot.backend.TopUp;
import csbot.backend.TopUpOptions;
import csbot.backend.TopUpRequest;
import csbot.backend.TroubleTicket;
import csbot.backend.TroubleTicketRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link AccountBackend} over the contract's HTTP API. Thread-safe; make one per backend and share it. */
public final class HttpAccountBackend implements AccountBackend {

    record SendCode(String msisdn, String channel) {
    }

    record CheckCode(String code) {
    }

    record Listener(String callback) {
    }

    record Suspension(SuspensionReason reason) {
    }

    record QuoteJson(LineType cardType, MoneyJson fee, boolean balanceCovers, boolean simChangeLock) {

        ReissueQuote toQuote() {
            return new ReissueQuote(cardType, fee.toMoney(), balanceCovers, simChangeLock);
        }
    }

    record PukJson(String puk) {

        @Override
        public String toString() {
            return "PukJson[redacted]";
        }
    }

    record ActivationJson(String activationCode, String smdpAddress, String matchingId,
                          boolean confirmationCodeRequired) {

        @Override
        public String toString() {
            return "ActivationJson[redacted]";
        }
    }

    private final JsonHttp http;

    public HttpAccountBackend(BackendClientConfig config) {
        this.http = new JsonHttp(config);
    }

    @Override
    public Line findLineByMsisdn(String msisdn) {
        return http.fetch(Call.get("/ext/v1/lines", line(msisdn)).withQuery("msisdn", msisdn), Line.class);
    }

    @Override
    public Line findLineByIccid(String iccid) {
        return http.fetch(Call.get("/ext/v1/lines", "line with ICCID " + Mask.tail(iccid)).withQuery("iccid", iccid),
                Line.class);
    }

    @Override
    public List<Bucket> buckets(String msisdn) {
        return http.fetchList(Call.get("/bucket", line(msisdn)).withQuery("logicalResource.value", msisdn),
                Bucket.class);
    }

    /** Never retried: a repeat would send the customer a second code. */
    @Override
    public OtpChallenge sendOtp(String msisdn) {
        return http.fetch(Call.post("/ext/v1/verifications", new SendCode(msisdn, "sms"), line(msisdn)),
                OtpChallenge.class);
    }

    /** Never retried: a repeat would use up one of the customer's attempts. */
    @Override
    public OtpCheck checkOtp(String challengeId, String code) {
        return http.fetch(Call.post("/ext/v1/verifications/{id}/check", new CheckCode(code), "verification",
                challengeId), OtpCheck.class);
    }

    @Override
    public HubSubscription subscribe(String callbackUrl) {
        return http.fetch(Call.post("/hub", new Listener(callbackUrl), "hub"), HubSubscription.class);
    }

    @Override
    public void unsubscribe(String subscriptionId) {
        http.execute(Call.delete("/hub/{id}", "hub subscription", subscriptionId));
    }

    @Override
    public TopUpOptions topUpOptions(String msisdn) {
        return http.fetch(Call.get("/ext/v1/lines/{msisdn}/topupOptions", line(msisdn), msisdn), TopUpOptions.class);
    }

    /** Retried with the same key: the backend answers a repeat with the top-up the first attempt made. */
    @Override
    public TopUp createTopUp(TopUpRequest request, String idempotencyKey) {
        return http.fetch(Call.post("/topupBalance", TopupBalanceJson.Create.of(request), line(request.msisdn()))
                .withIdempotencyKey(idempotencyKey), TopupBalanceJson.class, TopupBalanceJson::toTopUp);
    }

    @Override
    public TopUp topUp(String id) {
        return http.fetch(Call.get("/topupBalance/{id}", "top-up " + id, id), TopupBalanceJson.class,
                TopupBalanceJson::toTopUp);
    }

    @Override
    public Optional<TopUp> topUpByKey(String idempotencyKey) {
        return http.fetchList(Call.get("/topupBalance", "top-up").withQuery("idempotencyKey", idempotencyKey),
                TopupBalanceJson.class, TopupBalanceJson::toTopUp).stream().findFirst();
    }

    @Override
    public List<SavedPaymentMethod> savedPaymentMethods(String msisdn) {
        return http.fetchList(Call.get("/ext/v1/lines/{msisdn}/paymentMethods", line(msisdn), msisdn),
                SavedPaymentMethod.class);
    }

    @Override
    public PaymentLink createPaymentLink(String msisdn, Money amount, String planId, String idempotencyKey) {
        return http.fetch(Call.post("/ext/v1/paymentLinks", PaymentLinkJson.Create.of(msisdn, amount, planId),
                        line(msisdn)).withIdempotencyKey(idempotencyKey),
                PaymentLinkJson.class, PaymentLinkJson::toPaymentLink);
    }

    @Override
    public PaymentLink paymentLink(String id) {
        return http.fetch(Call.get("/ext/v1/paymentLinks/{id}", "payment link " + id, id), PaymentLinkJson.class,
                PaymentLinkJson::toPaymentLink);
    }

    @Override
    public List<AutoTopUp> autoTopUps(String msisdn) {
        List<AutoTopUp> periodic = http.fetchList(Call.get("/topupBalance", line(msisdn))
                        .withQuery("logicalResource.value", msisdn).withQuery("isAutoTopup", "true"),
                TopupBalanceJson.class, TopupBalanceJson::toAutoTopUp);
        List<AutoTopUp> threshold = http.fetchList(Call.get("/ext/v1/thresholdTopups", line(msisdn))
                .withQuery("msisdn", msisdn), ThresholdTopupJson.class, ThresholdTopupJson::toAutoTopUp);
        return Stream.concat(periodic.stream(), threshold.stream())
                .filter(autoTopUp -> autoTopUp.status() == AutoTopUpStatus.ACTIVE)
                .toList();
    }

    @Override
    public AutoTopUp createAutoTopUp(String msisdn, AutoTopUpRule rule, String idempotencyKey) {
        if (rule.kind() == AutoTopUpKind.PERIODIC) {
            return http.fetch(Call.post("/topupBalance", TopupBalanceJson.Create.periodic(msisdn, rule), line(msisdn))
                    .withIdempotencyKey(idempotencyKey), TopupBalanceJson.class, TopupBalanceJson::toAutoTopUp);
        }
        return http.fetch(Call.post("/ext/v1/thresholdTopups", ThresholdTopupJson.Create.of(msisdn, rule),
                        line(msisdn)).withIdempotencyKey(idempotencyKey),
                ThresholdTopupJson.class, ThresholdTopupJson::toAutoTopUp);
    }

    @Override
    public AutoTopUp changeAutoTopUp(String id, AutoTopUpRule rule) {
        AutoTopUpKind kind = AutoTopUpIds.kindOf(id);
        if (rule.kind() != kind) {
            throw new IllegalArgumentException("auto top-up " + id + " is " + kind
                    + "; to change the kind, cancel it and create a new one");
        }
        if (kind == AutoTopUpKind.PERIODIC) {
            return http.fetch(Call.patch("/topupBalance/{id}", TopupBalanceJson.Update.of(rule), "auto top-up " + id,
                    id), TopupBalanceJson.class, TopupBalanceJson::toAutoTopUp);
        }
        return http.fetch(Call.patch("/ext/v1/thresholdTopups/{id}", ThresholdTopupJson.Update.of(rule),
                "auto top-up " + id, id), ThresholdTopupJson.class, ThresholdTopupJson::toAutoTopUp);
    }

    @Override
    public void cancelAutoTopUp(String id) {
        if (AutoTopUpIds.kindOf(id) == AutoTopUpKind.PERIODIC) {
            http.execute(Call.patch("/topupBalance/{id}", TopupBalanceJson.Update.cancel(), "auto top-up " + id, id));
        } else {
            http.execute(Call.delete("/ext/v1/thresholdTopups/{id}", "auto top-up " + id, id));
        }
    }

    @Override
    public TroubleTicket openTroubleTicket(TroubleTicketRequest request, String idempotencyKey) {
        return http.fetch(Call.post("/troubleTicket", TroubleTicketJson.of(request), "trouble ticket")
                .withIdempotencyKey(idempotencyKey), TroubleTicket.class);
    }

    @Override
    public TroubleTicket troubleTicket(String id) {
        return http.fetch(Call.get("/troubleTicket/{id}", "trouble ticket " + id, id), TroubleTicket.class);
    }

    /** Never retried: a repeat would send another code. */
    @Override
    public OtpChallenge sendOtpToOtherChannel(String msisdn) {
        return http.fetch(Call.post("/ext/v1/verifications", new SendCode(msisdn, "otherChannel"), line(msisdn)),
                OtpChallenge.class);
    }

    @Override
    public Line suspendLine(String msisdn, SuspensionReason reason) {
        return http.fetch(Call.post("/ext/v1/lines/{msisdn}/suspension", new Suspension(reason), line(msisdn), msisdn),
                Line.class);
    }

    @Override
    public Line resumeLine(String msisdn) {
        return http.fetch(Call.delete("/ext/v1/lines/{msisdn}/suspension", line(msisdn), msisdn), Line.class);
    }

    @Override
    public ReissueQuote reissueQuote(String msisdn) {
        return http.fetch(Call.get("/ext/v1/lines/{msisdn}/reissueQuote", line(msisdn), msisdn), QuoteJson.class,
                QuoteJson::toQuote);
    }

    @Override
    public List<Store> stores(String msisdn) {
        return http.fetchList(Call.get("/ext/v1/lines/{msisdn}/stores", line(msisdn), msisdn), Store.class);
    }

    @Override
    public Puk puk(String msisdn, String verificationId) {
        return http.fetch(Call.get("/ext/v1/lines/{msisdn}/puk", line(msisdn), msisdn)
                .withQuery("verificationId", verificationId), PukJson.class, wire -> new Puk(wire.puk()));
    }

    @Override
    public ProductOrder orderReissue(ReissueRequest request, String idempotencyKey) {
        return http.fetch(Call.post("/productOrder", ProductOrderJson.Create.of(request), line(request.msisdn()))
                .withIdempotencyKey(idempotencyKey), ProductOrderJson.class, ProductOrderJson::toOrder);
    }

    @Override
    public ProductOrder productOrder(String id) {
        return http.fetch(Call.get("/productOrder/{id}", "order " + id, id), ProductOrderJson.class,
                ProductOrderJson::toOrder);
    }

    @Override
    public List<ProductOrder> productOrders(String msisdn) {
        return http.fetchList(Call.get("/productOrder", line(msisdn)).withQuery("msisdn", msisdn),
                ProductOrderJson.class, ProductOrderJson::toOrder);
    }

    @Override
    public OrderState cancelProductOrder(String id) {
        return http.fetch(Call.post("/cancelProductOrder", new ProductOrderJson.Cancel(id), "order " + id),
                ProductOrderJson.Cancelled.class, ProductOrderJson.Cancelled::state);
    }

    @Override
    public ActivationCode activationCode(String orderId) {
        return http.fetch(Call.get("/ext/v1/productOrders/{id}/activationCode", "order " + orderId, orderId),
                ActivationJson.class, wire -> new ActivationCode(wire.activationCode(), wire.smdpAddress(),
                        wire.matchingId(), wire.confirmationCodeRequired()));
    }

    private static String line(String msisdn) {
        return "line " + Mask.tail(msisdn);
    }
}
