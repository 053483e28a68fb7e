package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** editMessageText, editMessageCaption and editMessageReplyMarkup, on messages in chats. */
final class EditMethods {

    private final Chats chats;
    private final BotOutbox outbox;

    EditMethods(Chats chats, BotOutbox outbox) {
        this.chats = chats;
        this.outbox = outbox;
    }

    JsonNode editText(MethodCall call) {
        Target target = target(call);
        if (!target.current().telegram().has("text")) {
            throw ApiError.badRequest("there is no text in the message to edit").exception();
        }
        FormattedText text = SendMessageMethod.messageText(call);
        return outbox.edit(target.chat(), target.messageId(), BotOutbox.textContent(text), text.text(),
                Markup.parse(call.json("reply_markup"))).telegram();
    }

    JsonNode editCaption(MethodCall call) {
        Target target = target(call);
        if (target.current().media() == null) {
            throw ApiError.badRequest("there is no caption in the message to edit").exception();
        }
        FormattedText caption = SendMediaMethod.caption(call);
        return outbox.edit(target.chat(), target.messageId(), SendMediaMethod.captionContent(caption), caption.text(),
                Markup.parse(call.json("reply_markup"))).telegram();
    }

    JsonNode editReplyMarkup(MethodCall call) {
        Target target = target(call);
        ObjectNode sameContent = Json.object();
        return outbox.edit(target.chat(), target.messageId(), sameContent, target.current().text(),
                Markup.parse(call.json("reply_markup"))).telegram();
    }

    private record Target(ChatState chat, int messageId, BotMessage current) {
    }

    private Target target(MethodCall call) {
        if (call.params().hasNonNull("inline_message_id")) {
            throw ApiError.badRequest("MESSAGE_ID_INVALID: the emulator has no inline messages").exception();
        }
        ChatState chat = chats.forBot(call.chatId());
        int messageId = call.messageId();
        BotMessage current = chat.message(messageId)
                .orElseThrow(() -> ApiError.badRequest("message to edit not found").exception());
        return new Target(chat, messageId, current);
    }
}
