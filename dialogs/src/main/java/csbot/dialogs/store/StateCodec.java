package csbot.dialogs.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.dialogs.engine.Session;
import csbot.dialogs.engine.UserProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sessions and profiles as our own versioned JSON (never Java or Kryo serialization). Unknown fields are ignored so
 * an older instance can read what a newer one wrote during a rolling deploy; a document that cannot be read at all is
 * logged and replaced rather than blocking the chat forever.
 */
public final class StateCodec {

    /** DESIGN §4: a session must stay small; a bigger one means a flow keeps what it should not. */
    public static final int MAX_SESSION_BYTES = 2048;

    private static final Logger log = LoggerFactory.getLogger(StateCodec.class);

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String write(Session session) {
        String text = toJson(session);
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_SESSION_BYTES) {
            throw new IllegalStateException("session of flow " + session.flow() + " is " + size + " bytes, over "
                    + MAX_SESSION_BYTES);
        }
        return text;
    }

    public String write(UserProfile profile) {
        return toJson(profile);
    }

    public Optional<Session> readSession(String text, long chatId) {
        return read(text, Session.class, chatId).filter(s -> s.schema() <= Session.SCHEMA);
    }

    public Optional<UserProfile> readProfile(String text, long chatId) {
        return read(text, UserProfile.class, chatId);
    }

    private <T> Optional<T> read(String text, Class<T> type, long chatId) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, type));
        } catch (JsonProcessingException e) {
            log.error("chat {}: unreadable {} replaced: {}", chatId, type.getSimpleName(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
