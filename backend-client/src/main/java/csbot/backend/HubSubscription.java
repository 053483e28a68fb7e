package csbot.backend;

import java.util.Objects;

/** TMF hub registration. */
public record HubSubscription(String id, String callback, String query) {

    /** A subscription without a filter has an empty query. */
    public HubSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callback, "callback");
        query = Objects.requireNonNullElse(query, "");
    }
}
