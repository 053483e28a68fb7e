package csbot.sim;

/**
 * Contract: lost-card suspension, reissue quote, stores, PUK ({@code /ext/v1/lines/{msisdn}/…}), TMF622 reissue
 * orders ({@code /productOrder}, {@code /cancelProductOrder}) and eSIM activation codes; and the simulator's
 * controls for them ({@code /sim/admin/reissue/*}).
 */
final class ReissueApi {

    record SuspendJson(String reason) {
    }

    record PukJson(String puk) {
    }

    record CancelJson(String productOrderId) {
    }

    record CancelledJson(String productOrderId, Reissues.State state) {
    }

    record ActivationJson(String activationCode, String smdpAddress, String matchingId,
                          boolean confirmationCodeRequired) {
    }

    record LockJson(String msisdn, boolean on) {
    }

    private final AccountStore store;
    private final Reissues reissues;
    private final SimClock clock;

    ReissueApi(AccountStore store, Reissues reissues, SimClock clock) {
        this.store = store;
        this.reissues = reissues;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("POST", "/ext/v1/lines/{msisdn}/suspension", this::suspend)
                .add("DELETE", "/ext/v1/lines/{msisdn}/suspension", this::resume)
                .add("GET", "/ext/v1/lines/{msisdn}/reissueQuote",
                        request -> Reply.ok(reissues.quote(msisdn(request))))
                .add("GET", "/ext/v1/lines/{msisdn}/stores", request -> Reply.ok(reissues.stores(msisdn(request))))
                .add("GET", "/ext/v1/lines/{msisdn}/puk", this::puk)
                .add("POST", "/productOrder", this::place)
                .add("GET", "/productOrder", request -> Reply.ok(reissues.ofLine(
                        Inputs.msisdn(request.requiredQuery("msisdn")))))
                .add("GET", "/productOrder/{id}", request -> Reply.ok(reissues.find(request.pathParam("id"))
                        .orElseThrow(() -> ApiError.notFound("no such order"))))
                .add("POST", "/cancelProductOrder", this::cancel)
                .add("GET", "/ext/v1/productOrders/{id}/activationCode", this::activationCode)
                .add("POST", "/sim/admin/reissue/simChangeLock", this::lock)
                .add("POST", "/sim/admin/reissue/nextOutcome", request -> {
                    reissues.nextOutcome(request.json(Reissues.Outcome.class));
                    return Reply.noContent();
                });
    }

    private Reply suspend(Request request) {
        return Reply.ok(lineJson(reissues.suspend(msisdn(request), request.json(SuspendJson.class).reason())));
    }

    private Reply resume(Request request) {
        return Reply.ok(lineJson(reissues.resume(msisdn(request))));
    }

    private Reply puk(Request request) {
        return Reply.ok(new PukJson(reissues.puk(msisdn(request), request.requiredQuery("verificationId"))));
    }

    private Reply place(Request request) {
        Reissues.Placed placed = reissues.place(request.idempotencyKey(), request.json(Reissues.Create.class));
        return Reply.json(placed.isNew() ? 201 : 200, placed.order());
    }

    private Reply cancel(Request request) {
        CancelJson body = request.json(CancelJson.class);
        if (Inputs.text(body.productOrderId()).isBlank()) {
            throw ApiError.badRequest("invalidBody", "productOrderId is required");
        }
        return Reply.ok(new CancelledJson(body.productOrderId(), reissues.cancel(body.productOrderId()).state()));
    }

    private Reply activationCode(Request request) {
        Reissues.ActivationCode code = reissues.activationCode(request.pathParam("id"))
                .orElseThrow(() -> ApiError.unprocessable("notEsim", "a SIM order has no activation code"));
        return Reply.ok(new ActivationJson(code.lpa(), code.smdpAddress(), code.matchingId(),
                code.confirmationCodeRequired()));
    }

    private Reply lock(Request request) {
        LockJson body = request.json(LockJson.class);
        reissues.simChangeLock(Inputs.msisdn(body.msisdn()), body.on());
        return Reply.noContent();
    }

    private LinesApi.LineJson lineJson(LineAccount line) {
        Customer owner = store.owner(line).orElseThrow();
        return new LinesApi.LineJson(line.msisdn(), line.iccid(), owner.initial(), line.cardType(),
                line.statusAt(clock.now()), line.currency());
    }

    private static String msisdn(Request request) {
        return Inputs.msisdn(request.pathParam("msisdn"));
    }
}
