package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All chats the emulator knows, by chat id. */
final class Chats {

    private final ConcurrentHashMap<Long, ChatState> byId = new ConcurrentHashMap<>();

    /** A user's private chat with the bot: its id is the user's id. */
    ChatState privateChat(long userId, String firstName) {
        return byId.computeIfAbsent(userId, id -> new ChatState(privateChatJson(id, firstName)));
    }

    /** Takes note of a chat an update mentions, so the bot can answer in it. */
    void learn(JsonNode chatJson) {
        if (chatJson.hasNonNull("id") && chatJson.hasNonNull("type")) {
            byId.computeIfAbsent(chatJson.get("id").asLong(), id -> new ChatState(((ObjectNode) chatJson).deepCopy()));
        }
    }

    Optional<ChatState> find(long chatId) {
        return Optional.ofNullable(byId.get(chatId));
    }

    /**
     * The chat the bot addresses. A positive id is a user, whose private chat exists once they have
     * started the bot, as far as the bot can tell (e.g. alerts after an emulator restart); any other
     * unknown id is Telegram's "chat not found".
     */
    ChatState forBot(long chatId) {
        if (chatId > 0) {
            return privateChat(chatId, "User " + chatId);
        }
        return find(chatId).orElseThrow(() -> ApiError.badRequest("chat not found").exception());
    }

    private static ObjectNode privateChatJson(long id, String firstName) {
        return Json.object().put("id", id).put("type", "private").put("first_name", firstName);
    }
}
