package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;

/**
 * An Update waiting for the bot. {@code json} is never changed after creation, so it is shared by
 * every delivery of it. {@code chatId} orders webhook deliveries (0 when the update has no chat).
 */
record QueuedUpdate(long updateId, String type, long chatId, ObjectNode json) {

    static QueuedUpdate of(long updateId, ObjectNode withoutId) {
        ObjectNode json = Json.object().put("update_id", updateId);
        json.setAll(withoutId.deepCopy());
        String type = payloadType(json);
        return new QueuedUpdate(updateId, type, chatOf(json.path(type)), json);
    }

    private static String payloadType(ObjectNode update) {
        for (Iterator<String> names = update.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        throw new IllegalArgumentException("an update needs a payload such as message or callback_query");
    }

    /** A message's chat, a callback's message's chat, or else the sender's private chat. */
    private static long chatOf(JsonNode payload) {
        if (payload.path("chat").has("id")) {
            return payload.get("chat").get("id").asLong();
        }
        if (payload.path("message").path("chat").has("id")) {
            return payload.get("message").get("chat").get("id").asLong();
        }
        return payload.path("from").path("id").asLong(0);
    }
}
