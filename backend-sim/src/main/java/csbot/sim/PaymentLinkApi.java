package csbot.sim;

/** Contract: payment links, a vendor extension ({@code /ext/v1/paymentLinks}). The pages they open are {@link CheckoutApi}. */
final class PaymentLinkApi {

    private final PaymentLinks links;

    PaymentLinkApi(PaymentLinks links) {
        this.links = links;
    }

    void register(Router router) {
        router.add("POST", "/ext/v1/paymentLinks", this::create)
                .add("GET", "/ext/v1/paymentLinks/{id}", this::retrieve);
    }

    private Reply create(Request request) {
        String key = request.idempotencyKey();
        PaymentLinks.Created created = links.create(key, request.json(PaymentLinkJson.Create.class));
        return Reply.json(created.isNew() ? 201 : 200, PaymentLinkJson.of(created.link(), links.baseUrl()));
    }

    private Reply retrieve(Request request) {
        return Reply.ok(PaymentLinkJson.of(links.view(request.pathParam("id")), links.baseUrl()));
    }
}
