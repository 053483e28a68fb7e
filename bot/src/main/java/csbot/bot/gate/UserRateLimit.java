package csbot.bot.gate;

import csbot.bot.config.GateProperties;
import csbot.dialogs.store.ChatStore;
import csbot.dialogs.store.KeySpace;

/**
 * A fixed window per user in Redis, shared by all instances: the first {@code userUpdates} updates of a window
 * pass, the next one is told to slow down, the rest are dropped quietly.
 */
final class UserRateLimit {

    enum Verdict { PASS, NOTIFY, DROP }

    private final KeySpace keys;
    private final GateProperties properties;

    UserRateLimit(KeySpace keys, GateProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /**
     * The user's counter, for the chat store to take with the chat lock: one round trip instead of two (the user's
     * key carries their private chat's hash tag). Only updates within the limit reach the turn.
     */
    ChatStore.Quota quota(long userId) {
        return new ChatStore.Quota(keys.chatKey(userId, "rate"), properties.userWindow(), properties.userUpdates());
    }

    /** What the {@code count}th update of a user's window gets. */
    Verdict verdict(long count) {
        if (count <= properties.userUpdates()) {
            return Verdict.PASS;
        }
        return count == properties.userUpdates() + 1L ? Verdict.NOTIFY : Verdict.DROP;
    }
}
