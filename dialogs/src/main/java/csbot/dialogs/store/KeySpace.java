package csbot.dialogs.store;

/**
 * Redis key names. Every key of a chat carries the hash tag {@code {chat:<id>}} so that they share one Redis Cluster
 * slot and one Lua script can lock, load and commit them atomically. A customer's profile lives with their private
 * chat (Telegram gives a private chat the user's id).
 */
public record KeySpace(String prefix) {

    public String session(long chatId) {
        return tag(chatId) + ":session";
    }

    public String lock(long chatId) {
        return tag(chatId) + ":lock";
    }

    public String profile(long chatId) {
        return tag(chatId) + ":profile";
    }

    /** Marks an update as handled, so a redelivery is recognised. */
    public String seen(long chatId, long updateId) {
        return tag(chatId) + ":seen:" + updateId;
    }

    /** Anything else a capability keeps per chat, e.g. {@code rate}. */
    public String chatKey(long chatId, String name) {
        return tag(chatId) + ":" + name;
    }

    public String global(String name) {
        return prefix + name;
    }

    private String tag(long chatId) {
        return prefix + "{chat:" + chatId + "}";
    }
}
