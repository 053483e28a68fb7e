package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * One Bot API call as the emulator saw it, for assertions. Exactly one of {@code result} and
 * {@code error} is set. Multipart uploads are in {@code files} by form field name.
 */
public record ApiCall(String method, ObjectNode params, Map<String, UploadedFile> files, Instant time,
                      JsonNode result, ApiError error) {

    public boolean ok() {
        return error == null;
    }

    /** A parameter as text ("" when absent), whatever JSON type the client sent it as. */
    public String param(String name) {
        return params.path(name).asText("");
    }
}
