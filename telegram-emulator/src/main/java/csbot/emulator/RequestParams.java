package csbot.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Bot API call's parameters the ways Telegram accepts them: query string, JSON body,
 * urlencoded form, or multipart/form-data with files.
 */
final class RequestParams {

    /**
     * Parameters that are JSON-serialized objects when sent as form fields (the Bot API's "JSON-serialized
     * object" fields); in a JSON body they are plain JSON already.
     */
    private static final Set<String> JSON_FIELDS = Set.of(
            "reply_markup", "entities", "caption_entities", "allowed_updates", "reply_parameters",
            "link_preview_options", "media", "prices", "commands", "scope", "results", "suggested_tip_amounts");

    private static final String ATTACH = "attach://";

    private RequestParams() {
    }

    static MethodCall read(String method, HttpExchange exchange) throws IOException {
        ObjectNode params = Json.object();
        Map<String, UploadedFile> files = new HashMap<>();
        Exchanges.formFields(exchange.getRequestURI().getRawQuery()).forEach((name, value) -> putField(params, name, value));
        byte[] body = Exchanges.body(exchange);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return new MethodCall(method, params, Map.of());
        }
        if (type.startsWith("application/json")) {
            JsonNode json = parseJson(new String(body, StandardCharsets.UTF_8));
            if (!json.isObject()) {
                throw ApiError.badRequest("request body must be a JSON object").exception();
            }
            params.setAll((ObjectNode) json);
        } else if (type.startsWith("multipart/form-data")) {
            String boundary = Exchanges.headerParameter(contentType, "boundary");
            if (boundary == null) {
                throw ApiError.badRequest("multipart body without boundary").exception();
            }
            for (Multipart.Part part : Multipart.parse(body, boundary)) {
                if (part.fileName() != null) {
                    files.put(part.name(), new UploadedFile(part.fileName(), part.contentType(), part.body()));
                } else {
                    putField(params, part.name(), part.text());
                }
            }
        } else {
            Exchanges.formFields(new String(body, StandardCharsets.UTF_8))
                    .forEach((name, value) -> putField(params, name, value));
        }
        return new MethodCall(method, params, filesByParameter(params, files));
    }

    /**
     * Clients may upload a file under its own part name and refer to it as {@code attach://<name>}
     * (telegrambots does); files are filed under the parameter that refers to them, as Telegram reads them.
     */
    private static Map<String, UploadedFile> filesByParameter(ObjectNode params, Map<String, UploadedFile> parts) {
        Map<String, UploadedFile> files = new HashMap<>(parts);
        params.fields().forEachRemaining(field -> {
            String value = field.getValue().asText("");
            if (value.startsWith(ATTACH) && parts.containsKey(value.substring(ATTACH.length()))) {
                files.put(field.getKey(), files.remove(value.substring(ATTACH.length())));
            }
        });
        return Map.copyOf(files);
    }

    private static void putField(ObjectNode params, String name, String value) {
        if (JSON_FIELDS.contains(name)) {
            params.set(name, parseJson(value));
        } else {
            params.put(name, value);
        }
    }

    private static JsonNode parseJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("can't parse JSON: " + e.getOriginalMessage()).exception();
        }
    }
}
