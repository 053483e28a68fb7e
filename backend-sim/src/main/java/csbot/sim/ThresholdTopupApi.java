package csbot.sim;

/** Contract: threshold auto top-ups, a vendor extension ({@code /ext/v1/thresholdTopups}). */
final class ThresholdTopupApi {

    private final AutoTopUps autoTopUps;

    ThresholdTopupApi(AutoTopUps autoTopUps) {
        this.autoTopUps = autoTopUps;
    }

    void register(Router router) {
        router.add("GET", "/ext/v1/thresholdTopups", this::list)
                .add("POST", "/ext/v1/thresholdTopups", this::create)
                .add("PATCH", "/ext/v1/thresholdTopups/{id}", this::change)
                .add("DELETE", "/ext/v1/thresholdTopups/{id}", this::cancel);
    }

    private Reply list(Request request) {
        String msisdn = Inputs.msisdn(request.requiredQuery("msisdn"));
        return Reply.ok(autoTopUps.thresholdsOf(msisdn).stream().map(ThresholdTopupJson::of).toList());
    }

    private Reply create(Request request) {
        String key = request.idempotencyKey();
        AutoTopUps.Created<ThresholdRule.View> created =
                autoTopUps.createThreshold(key, request.json(ThresholdTopupJson.Create.class));
        return Reply.json(created.isNew() ? 201 : 200, ThresholdTopupJson.of(created.rule()));
    }

    private Reply change(Request request) {
        ThresholdTopupJson.Update patch = request.json(ThresholdTopupJson.Update.class);
        return Reply.ok(ThresholdTopupJson.of(autoTopUps.changeThreshold(request.pathParam("id"), patch)));
    }

    private Reply cancel(Request request) {
        autoTopUps.cancelThreshold(request.pathParam("id"));
        return Reply.noContent();
    }
}
