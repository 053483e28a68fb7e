package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The checkout pages payment links open ({@code /checkout/{id}}) — the backend's web pages for the customer's
 * browser, not part of the API contract. The form posts {@code method=card|alipay|wechatPay} and gets a page back;
 * tests may post JSON {@code {"method": …}} and get the payment link's JSON back.
 */
final class CheckoutApi {

    record PayJson(@JsonProperty("method") PaymentLink.Method method) {
    }

    private final PaymentLinks links;

    CheckoutApi(PaymentLinks links) {
        this.links = links;
    }

    void register(Router router) {
        router.add("GET", "/checkout/{id}", this::page)
                .add("POST", "/checkout/{id}/pay", this::pay);
    }

    private Reply page(Request request) {
        try {
            return Reply.html(200, CheckoutPage.of(links.view(request.pathParam("id"))));
        } catch (ApiError unknown) {
            return Reply.html(unknown.status(), CheckoutPage.notFound());
        }
    }

    private Reply pay(Request request) {
        boolean json = request.header("Content-Type").orElse("").contains("json");
        String id = request.pathParam("id");
        try {
            PaymentLink.View paid = links.pay(id, json ? methodOf(request.json(PayJson.class)) : formMethod(request));
            return json ? Reply.ok(PaymentLinkJson.of(paid, links.baseUrl())) : Reply.html(200, CheckoutPage.of(paid));
        } catch (ApiError refused) {
            if (json) {
                throw refused;
            }
            return Reply.html(refused.status(), refused.status() == 404 ? CheckoutPage.notFound()
                    : CheckoutPage.of(links.view(id)));
        }
    }

    private static PaymentLink.Method methodOf(PayJson body) {
        if (body.method() == null) {
            throw ApiError.badRequest("invalidBody", "method must be card, alipay or wechatPay");
        }
        return body.method();
    }

    private static PaymentLink.Method formMethod(Request request) {
        String form = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            if (pair.startsWith("method=")) {
                return PaymentLink.Method.fromWire(URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8));
            }
        }
        throw ApiError.badRequest("invalidBody", "method must be card, alipay or wechatPay");
    }
}
