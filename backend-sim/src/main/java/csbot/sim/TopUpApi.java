package csbot.sim;

import java.util.List;
import java.util.Optional;

/**
 * Contract: TMF654 top-ups and periodic auto top-ups ({@code /topupBalance}), and the vendor extensions a top-up
 * needs first: the line's top-up options and saved payment methods.
 */
final class TopUpApi {

    private final AccountStore store;
    private final SavedMethods savedMethods;
    private final TopupBalances balances;
    private final TopUpProcessor processor;
    private final AutoTopUps autoTopUps;

    TopUpApi(AccountStore store, SavedMethods savedMethods, TopupBalances balances, TopUpProcessor processor,
             AutoTopUps autoTopUps) {
        this.store = store;
        this.savedMethods = savedMethods;
        this.balances = balances;
        this.processor = processor;
        this.autoTopUps = autoTopUps;
    }

    void register(Router router) {
        router.add("GET", "/ext/v1/lines/{msisdn}/topupOptions", this::options)
                .add("GET", "/ext/v1/lines/{msisdn}/paymentMethods", this::paymentMethods)
                .add("GET", "/topupBalance", this::list)
                .add("POST", "/topupBalance", this::create)
                .add("GET", "/topupBalance/{id}", this::retrieve)
                .add("PATCH", "/topupBalance/{id}", this::change);
    }

    private Reply options(Request request) {
        return Reply.ok(TopUpCatalog.forLine(line(request)));
    }

    private Reply paymentMethods(Request request) {
        return Reply.ok(savedMethods.of(line(request).customerId()));
    }

    private Reply list(Request request) {
        Optional<String> key = request.query("idempotencyKey");
        Optional<String> msisdn = request.query("logicalResource.value").map(Inputs::msisdn);
        Optional<Boolean> auto = request.query("isAutoTopup").map(TopUpApi::bool);
        if (key.isEmpty() && msisdn.isEmpty()) {
            throw ApiError.badRequest("invalidQuery", "give idempotencyKey or logicalResource.value");
        }
        List<TopupBalanceResource> found = key.isPresent()
                ? balances.byKey(key.get()).stream().toList()
                : balances.ofLine(msisdn.get());
        return Reply.ok(found.stream()
                .filter(resource -> msisdn.isEmpty() || resource.msisdn().equals(msisdn.get()))
                .filter(resource -> auto.isEmpty() || (resource instanceof PeriodicRule) == auto.get())
                .map(this::json)
                .toList());
    }

    private Reply create(Request request) {
        String key = request.idempotencyKey();
        TopupBalanceJson.Create body = request.json(TopupBalanceJson.Create.class);
        if (body.isAutoTopup()) {
            AutoTopUps.Created<PeriodicRule.View> created = autoTopUps.createPeriodic(key, body);
            return Reply.json(created.isNew() ? 201 : 200, TopupBalanceJson.of(created.rule()));
        }
        TopUpProcessor.Placed placed = processor.place(key, body.order());
        return Reply.json(placed.isNew() ? 201 : 200, TopupBalanceJson.of(placed.topUp()));
    }

    private Reply retrieve(Request request) {
        return Reply.ok(json(balances.byId(request.pathParam("id"))
                .orElseThrow(() -> ApiError.notFound("no such top-up"))));
    }

    private Reply change(Request request) {
        TopupBalanceJson.Update patch = request.json(TopupBalanceJson.Update.class);
        return Reply.ok(TopupBalanceJson.of(autoTopUps.changePeriodic(request.pathParam("id"), patch)));
    }

    private TopupBalanceJson.Out json(TopupBalanceResource resource) {
        if (resource instanceof TopUp topUp) {
            return TopupBalanceJson.of(processor.view(topUp));
        }
        return TopupBalanceJson.of(((PeriodicRule) resource).view());
    }

    private LineAccount line(Request request) {
        return store.byMsisdn(Inputs.msisdn(request.pathParam("msisdn")))
                .orElseThrow(() -> ApiError.notFound("no line with this number"));
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.badRequest("invalidQuery", "isAutoTopup is true or false");
        };
    }
}
