package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** sendMessage. */
final class SendMessageMethod implements BotMethod {

    /** Telegram's limit on a message text, after entity parsing. */
    static final int MAX_TEXT_LENGTH = 4096;

    private final Chats chats;
    private final BotOutbox outbox;

    SendMessageMethod(Chats chats, BotOutbox outbox) {
        this.chats = chats;
        this.outbox = outbox;
    }

    @Override
    public JsonNode handle(MethodCall call) {
        ChatState chat = chats.forBot(call.chatId());
        FormattedText text = messageText(call);
        Markup markup = Markup.parse(call.json("reply_markup"));
        ObjectNode content = BotOutbox.textContent(text);
        content.setAll(ForumTopics.threadFields(chat, call));
        return outbox.post(chat, content, text.text(), null, markup).telegram();
    }

    /** The {@code text} parameter as Telegram checks it, shared with editMessageText. */
    static FormattedText messageText(MethodCall call) {
        String raw = call.text("text");
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("message text is empty").exception();
        }
        FormattedText text = FormattedText.of(raw, call.text("parse_mode"), call.json("entities"));
        if (text.text().isBlank()) {
            throw ApiError.badRequest("message text is empty").exception();
        }
        if (text.text().length() > MAX_TEXT_LENGTH) {
            throw ApiError.badRequest("message is too long").exception();
        }
        return text;
    }
}
