package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * copyMessage: the content of a message in one chat (a user's or the bot's) sent by the bot to another chat, without
 * a link to the original, optionally into a forum topic. Answers {@code {"message_id": …}} as Telegram does.
 */
final class CopyMessageMethod implements BotMethod {

    /** The fields that make up a message's content; everything else (ids, sender, date) belongs to the original. */
    private static final List<String> CONTENT = List.of("text", "entities", "photo", "document", "voice", "sticker",
            "audio", "video", "caption", "caption_entities", "contact", "location");

    private final Chats chats;
    private final FileStore files;
    private final BotOutbox outbox;

    CopyMessageMethod(Chats chats, FileStore files, BotOutbox outbox) {
        this.chats = chats;
        this.files = files;
        this.outbox = outbox;
    }

    @Override
    public JsonNode handle(MethodCall call) {
        ChatState target = chats.forBot(call.chatId());
        ChatState source = chats.forBot(call.requiredLong("from_chat_id"));
        ObjectNode original = source.anyMessage(call.messageId())
                .orElseThrow(() -> ApiError.badRequest("message to copy not found").exception());
        ObjectNode content = ForumTopics.threadFields(target, call);
        for (String field : CONTENT) {
            if (original.has(field)) {
                content.set(field, original.get(field).deepCopy());
            }
        }
        if (call.text("caption") != null) {
            content.put("caption", call.text("caption"));
        }
        String text = content.has("text") ? content.get("text").asText() : content.path("caption").asText("");
        BotMessage copy = outbox.post(target, content, text, media(content), Markup.parse(call.json("reply_markup")));
        return Json.object().put("message_id", copy.messageId());
    }

    /** The file the copy shows (the largest photo size, or the document, voice, sticker …), when the emulator has it. */
    private MediaFile media(ObjectNode content) {
        for (String kind : List.of("photo", "document", "voice", "sticker", "audio", "video")) {
            JsonNode node = content.get(kind);
            if (node != null) {
                JsonNode file = node.isArray() ? node.get(node.size() - 1) : node;
                return files.get(file.path("file_id").asText()).orElse(null);
            }
        }
        return null;
    }
}
