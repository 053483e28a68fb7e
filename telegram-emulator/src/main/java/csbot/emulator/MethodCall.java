package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The parameters of one Bot API call, whichever way they came (JSON body, form, multipart, query).
 * Multipart sends every scalar as text, so the readers here coerce.
 */
public record MethodCall(String method, ObjectNode params, Map<String, UploadedFile> files) {

    public String text(String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    public long longParam(String name, long fallback) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? fallback : value.asLong(fallback);
    }

    public boolean flag(String name) {
        return params.path(name).asBoolean(false);
    }

    public JsonNode json(String name) {
        return params.path(name);
    }

    /** Telegram answers a missing or malformed required parameter with a 400 naming it. */
    public long requiredLong(String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw ApiError.badRequest(name + " is empty").exception();
        }
        long parsed = value.asLong(Long.MIN_VALUE);
        if (parsed == Long.MIN_VALUE) {
            throw ApiError.badRequest("invalid " + name + " specified").exception();
        }
        return parsed;
    }

    public long chatId() {
        return requiredLong("chat_id");
    }

    public int messageId() {
        return (int) requiredLong("message_id");
    }
}
