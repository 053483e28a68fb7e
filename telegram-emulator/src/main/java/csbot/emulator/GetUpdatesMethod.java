package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.HashSet;
import java.util.Set;

/** getUpdates, with long polling. */
final class GetUpdatesMethod implements BotMethod {

    private final UpdateQueue queue;
    private final WebhookDelivery webhook;

    GetUpdatesMethod(UpdateQueue queue, WebhookDelivery webhook) {
        this.queue = queue;
        this.webhook = webhook;
    }

    @Override
    public JsonNode handle(MethodCall call) {
        if (webhook.target().isPresent()) {
            throw ApiError.conflict("can't use getUpdates method while webhook is active; "
                    + "use deleteWebhook to delete the webhook first").exception();
        }
        long offset = call.longParam("offset", 0);
        int limit = (int) Math.min(100, Math.max(1, call.longParam("limit", 100)));
        long timeoutSeconds = Math.max(0, call.longParam("timeout", 0));
        ArrayNode result = Json.array();
        try {
            queue.poll(offset, limit, timeoutSeconds * 1000, allowedUpdates(call.json("allowed_updates")))
                    .forEach(update -> result.add(update.json()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // the emulator is closing; answer what there is
        }
        return result;
    }

    /** Null when not given: Telegram then keeps the previous choice. */
    static Set<String> allowedUpdates(JsonNode param) {
        if (!param.isArray()) {
            return null;
        }
        Set<String> types = new HashSet<>();
        param.forEach(type -> types.add(type.asText()));
        return types;
    }
}
