package csbot.bot.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A sendMessage whose answer is checked but not read: the {@link Sender} only needs to know whether Telegram took
 * the message (or why not: error code, {@code retry_after}), never the Message it sent back. Turning that answer
 * into telegrambots' Message (builder-based, polymorphic Jackson) was the biggest single cost of the OkHttp threads
 * under load (see bench/README.md); a JSON tree is several times cheaper. The request is the same: this class adds
 * no field, so it serializes exactly like {@link SendMessage}.
 */
final class SendMessageUnread extends SendMessage {

    SendMessageUnread(String chatId, String text) {
        super(chatId, text);
    }

    /** Throws for an error answer exactly as {@link SendMessage} does; a successful one gives {@code null}. */
    @Override
    public Message deserializeResponse(String answer) throws TelegramApiRequestException {
        deserializeResponseSerializable(answer, ObjectNode.class);
        return null;
    }
}
