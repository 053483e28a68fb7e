package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** setWebhook, deleteWebhook and getWebhookInfo. */
final class WebhookMethods {

    private static final int DEFAULT_MAX_CONNECTIONS = 40;

    private final WebhookDelivery delivery;
    private final UpdateQueue queue;

    WebhookMethods(WebhookDelivery delivery, UpdateQueue queue) {
        this.delivery = delivery;
        this.queue = queue;
    }

    /** An empty url removes the webhook, as in Telegram. Plain http is allowed: the receivers are local. */
    JsonNode set(MethodCall call) {
        String url = call.text("url");
        String secret = call.text("secret_token");
        if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw ApiError.badRequest("secret token contains unallowed characters").exception();
        }
        int maxConnections = (int) call.longParam("max_connections", DEFAULT_MAX_CONNECTIONS);
        if (maxConnections < 1 || maxConnections > 100) {
            throw ApiError.badRequest("bad webhook: max_connections must be between 1 and 100").exception();
        }
        if (url != null && !url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw ApiError.badRequest("bad webhook: an HTTP or HTTPS URL must be provided for webhook").exception();
        }
        dropPendingIfAsked(call);
        if (url == null || url.isEmpty()) {
            delivery.delete();
        } else {
            delivery.set(new WebhookDelivery.Target(url, secret, maxConnections));
        }
        return BooleanNode.TRUE;
    }

    JsonNode delete(MethodCall call) {
        dropPendingIfAsked(call);
        delivery.delete();
        return BooleanNode.TRUE;
    }

    JsonNode info(MethodCall call) {
        ObjectNode info = Json.object()
                .put("url", delivery.target().map(WebhookDelivery.Target::url).orElse(""))
                .put("has_custom_certificate", false)
                .put("pending_update_count", queue.pendingCount());
        delivery.target().ifPresent(target -> info.put("max_connections", target.maxConnections()));
        delivery.lastError().ifPresent(error -> info
                .put("last_error_date", error.time().getEpochSecond())
                .put("last_error_message", error.message()));
        return info;
    }

    private void dropPendingIfAsked(MethodCall call) {
        if (call.flag("drop_pending_updates")) {
            queue.clear();
        }
    }
}
