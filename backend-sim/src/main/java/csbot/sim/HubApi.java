package csbot.sim;

import java.net.URI;
import java.net.URISyntaxException;

/** Contract: TMF notification hub ({@code /hub}). */
final class HubApi {

    record RegisterJson(String callback, String query) {
        RegisterJson {
            callback = Inputs.text(callback);
            query = Inputs.text(query);
        }
    }

    private final HubRegistry hub;

    HubApi(HubRegistry hub) {
        this.hub = hub;
    }

    void register(Router router) {
        router.add("POST", "/hub", this::subscribe)
                .add("DELETE", "/hub/{id}", this::unsubscribe);
    }

    private Reply subscribe(Request request) {
        RegisterJson body = request.json(RegisterJson.class);
        requireHttpUrl(body.callback());
        return Reply.created(hub.register(body.callback(), body.query()));
    }

    private Reply unsubscribe(Request request) {
        if (!hub.remove(request.pathParam("id"))) {
            throw ApiError.notFound("no such subscription");
        }
        return Reply.noContent();
    }

    /** Events will be POSTed there, so it has to be an absolute http(s) URL. */
    private static void requireHttpUrl(String callback) {
        try {
            URI uri = new URI(callback);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below like any other unusable callback
        }
        throw ApiError.badRequest("invalidCallback", "callback must be an absolute http or https URL");
    }
}
