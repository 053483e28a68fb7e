package csbot.bot.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account backend's events. Environment: {@code BACKEND_HUB_SECRET} (the HMAC secret the backend signs events
 * with; blank: no events, payments are followed by polling alone) and {@code BACKEND_CALLBACK_URL} (this service's
 * public base URL as the backend reaches it, e.g. {@code https://csbot.example.com}; {@code auto}: this instance's own
 * local address, for the demo and tests).
 */
@ConfigurationProperties("csbot.backend.hub")
public record HubProperties(String secret, String callbackUrl) {

    public HubProperties {
        secret = secret == null ? "" : secret;
        callbackUrl = callbackUrl == null ? "" : callbackUrl;
    }

    public boolean enabled() {
        return !secret.isBlank() && !callbackUrl.isBlank();
    }

    @Override
    public String toString() {
        return "HubProperties[callbackUrl=" + callbackUrl + "]";
    }
}
