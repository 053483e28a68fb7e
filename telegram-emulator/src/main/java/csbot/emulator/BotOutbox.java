package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.function.IntConsumer;

/**
 * Puts the bot's messages into chats as Telegram Message objects. Every sending method goes through
 * {@link #post}, so a new one (sendInvoice, copyMessage …) only says what its message contains.
 */
final class BotOutbox {

    private final ObjectNode botUser;

    BotOutbox(ObjectNode botUser) {
        this.botUser = botUser;
    }

    /**
     * Posts a message whose own fields are {@code content} (e.g. text and entities, or photo and
     * caption). {@code text} is what a reader sees of it.
     */
    BotMessage post(ChatState chat, ObjectNode content, String text, MediaFile media, Markup markup) {
        return post(chat, content, text, media, markup, messageId -> {
        });
    }

    /**
     * Posts a message as above; {@code beforeShown} learns its id before anyone can see it in the chat, e.g. so
     * an invoice can be paid as soon as the user has it.
     */
    BotMessage post(ChatState chat, ObjectNode content, String text, MediaFile media, Markup markup,
                    IntConsumer beforeShown) {
        return chat.post(messageId -> {
            ObjectNode message = Json.object()
                    .put("message_id", messageId)
                    .put("date", Instant.now().getEpochSecond());
            message.set("from", botUser);
            message.set("chat", chat.json());
            message.setAll(content);
            removeEmptyEntities(message, "entities");
            removeEmptyEntities(message, "caption_entities");
            if (markup.inlineJson() != null) {
                message.set("reply_markup", markup.inlineJson());
            }
            beforeShown.accept(messageId);
            return new BotMessage(chat.id(), messageId, text, markup.inlineKeyboard(), markup.replyKeyboard(), false,
                    media, message);
        });
    }

    /**
     * Edits a bot message: {@code content} replaces its own fields, {@code markup} its inline keyboard
     * (none given means none, as in Telegram). An edit that changes nothing is Telegram's 400.
     */
    BotMessage edit(ChatState chat, int messageId, ObjectNode content, String text, Markup markup) {
        if (markup.replyKeyboard() != null) {
            throw ApiError.badRequest("inline keyboard expected").exception();
        }
        return chat.edit(messageId, current -> {
            ObjectNode message = withoutEditDate(current.telegram());
            message.setAll(content);
            removeEmptyEntities(message, "entities");
            removeEmptyEntities(message, "caption_entities");
            message.remove("reply_markup");
            if (markup.inlineJson() != null) {
                message.set("reply_markup", markup.inlineJson());
            }
            if (message.equals(withoutEditDate(current.telegram()))) {
                throw ApiError.badRequest("message is not modified: specified new message content and reply markup"
                        + " are exactly the same as a current content and reply markup of the message").exception();
            }
            message.put("edit_date", Instant.now().getEpochSecond());
            return new BotMessage(chat.id(), messageId, text, markup.inlineKeyboard(), null, true, current.media(),
                    message);
        });
    }

    private static ObjectNode withoutEditDate(JsonNode message) {
        ObjectNode copy = ((ObjectNode) message).deepCopy();
        copy.remove("edit_date");
        return copy;
    }

    private static void removeEmptyEntities(ObjectNode message, String field) {
        if (message.has(field) && message.get(field).isEmpty()) {
            message.remove(field);
        }
    }

    /**
     * The fields of a text message. Entities are always set, so an edit replaces the old ones;
     * empty ones are then dropped, as Telegram leaves them out.
     */
    static ObjectNode textContent(FormattedText text) {
        ObjectNode content = Json.object().put("text", text.text());
        content.set("entities", text.entities());
        return content;
    }
}
