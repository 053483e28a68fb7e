package csbot.backend;

/** TMF hub registration. */
public record HubSubscription(String id, String callback, String query) {
}
