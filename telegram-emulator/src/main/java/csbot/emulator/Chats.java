package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** All chats the emulator knows, by chat id. */
final class Chats {

    private final ConcurrentHashMap<Long, ChatState> byId = new ConcurrentHashMap<>();
    /** Notified whenever a chat is added, for {@link #await}. */
    private final Object added = new Object();

    /** A user's private chat with the bot: its id is the user's id. */
    ChatState privateChat(long userId, String firstName) {
        ChatState chat = byId.get(userId);
        return chat != null ? chat : add(userId, () -> new ChatState(privateChatJson(userId, firstName)));
    }

    /** A supergroup with topics enabled; its id must be negative, as every group's is. */
    ChatState forumGroup(long chatId, String title) {
        if (chatId >= 0) {
            throw new IllegalArgumentException("group chat ids are negative");
        }
        return add(chatId, () -> new ChatState(Json.object().put("id", chatId).put("type", "supergroup")
                .put("title", title).put("is_forum", true)));
    }

    /** Takes note of a chat an update mentions, so the bot can answer in it. */
    void learn(JsonNode chatJson) {
        if (chatJson.hasNonNull("id") && chatJson.hasNonNull("type") && !byId.containsKey(chatJson.get("id").asLong())) {
            add(chatJson.get("id").asLong(), () -> new ChatState(((ObjectNode) chatJson).deepCopy()));
        }
    }

    Optional<ChatState> find(long chatId) {
        return Optional.ofNullable(byId.get(chatId));
    }

    /**
     * The chat, waiting up to the timeout for it to begin: the web page follows a user who may not have written yet,
     * and a long poll of a chat that does not exist must wait as one of a quiet chat does, not answer at once.
     */
    Optional<ChatState> await(long chatId, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (added) {
            while (true) {
                ChatState chat = byId.get(chatId);
                long left = deadline - System.currentTimeMillis();
                if (chat != null || left <= 0) {
                    return Optional.ofNullable(chat);
                }
                added.wait(left);
            }
        }
    }

    private ChatState add(long chatId, Supplier<ChatState> make) {
        boolean[] made = {false};
        ChatState chat = byId.computeIfAbsent(chatId, id -> {
            made[0] = true;
            return make.get();
        });
        if (made[0]) {
            synchronized (added) {
                added.notifyAll();
            }
        }
        return chat;
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
