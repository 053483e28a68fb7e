package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Forum topics of supergroups: createForumTopic, and the {@code message_thread_id} every sending method takes.
 * A message sent into a topic carries {@code message_thread_id} and {@code is_topic_message}, as in Telegram.
 */
final class ForumTopics {

    /** Telegram's limit on a topic name. */
    static final int MAX_NAME_LENGTH = 128;

    private final Chats chats;

    ForumTopics(Chats chats) {
        this.chats = chats;
    }

    JsonNode create(MethodCall call) {
        ChatState chat = chats.forBot(call.chatId());
        String name = call.text("name");
        if (name == null || name.isBlank()) {
            throw ApiError.badRequest("topic name is empty").exception();
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiError.badRequest("topic name is too long").exception();
        }
        int threadId = chat.createTopic(name);
        return Json.object().put("message_thread_id", threadId).put("name", name).put("icon_color", 7322096);
    }

    /** The fields a message sent with this call's {@code message_thread_id} gets; none without one. */
    static ObjectNode threadFields(ChatState chat, MethodCall call) {
        int threadId = (int) call.longParam("message_thread_id", 0);
        chat.checkThread(threadId);
        ObjectNode fields = Json.object();
        if (threadId != 0) {
            fields.put("message_thread_id", threadId).put("is_topic_message", true);
        }
        return fields;
    }
}
