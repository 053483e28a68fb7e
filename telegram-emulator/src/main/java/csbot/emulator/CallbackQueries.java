package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Callback queries users made that the bot has not answered yet; answerCallbackQuery is the method. */
final class CallbackQueries implements BotMethod {

    private final ConcurrentHashMap<String, ChatState> unanswered = new ConcurrentHashMap<>();
    /** Telegram's query ids are long numbers; starting at a random one keeps ids of two runs apart. */
    private final AtomicLong lastId = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 60));

    /** A new query id for a tap in {@code chat}. */
    String open(ChatState chat) {
        String id = Long.toString(lastId.incrementAndGet());
        unanswered.put(id, chat);
        return id;
    }

    @Override
    public JsonNode handle(MethodCall call) {
        String id = call.text("callback_query_id");
        ChatState chat = id == null ? null : unanswered.remove(id);
        if (chat == null) {
            throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid").exception();
        }
        String text = call.text("text");
        chat.callbackAnswered(new CallbackAnswer(id, text == null ? "" : text, call.flag("show_alert")));
        return BooleanNode.TRUE;
    }
}
