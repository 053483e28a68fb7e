package csbot.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** An HTTP answer, already serialized. */
record Reply(int status, String contentType, byte[] body) {

    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";

    static Reply json(int status, Object value) {
        try {
            return new Reply(status, JSON, Json.MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    static Reply ok(Object value) {
        return json(200, value);
    }

    static Reply created(Object value) {
        return json(201, value);
    }

    static Reply html(int status, String page) {
        return new Reply(status, HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    static Reply noContent() {
        return new Reply(204, "", new byte[0]);
    }
}
