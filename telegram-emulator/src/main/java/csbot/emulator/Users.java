package csbot.emulator;

import java.util.concurrent.ConcurrentHashMap;

/** The FakeUsers, one per user id, shared by tests and the web page. */
final class Users {

    private final ConcurrentHashMap<Long, FakeUser> byId = new ConcurrentHashMap<>();
    private final Chats chats;
    private final UpdateQueue queue;
    private final CallbackQueries callbacks;
    private final FileStore files;
    private final Checkout checkout;

    Users(Chats chats, UpdateQueue queue, CallbackQueries callbacks, FileStore files, Checkout checkout) {
        this.chats = chats;
        this.queue = queue;
        this.callbacks = callbacks;
        this.files = files;
        this.checkout = checkout;
    }

    /** The user with this id, created on first use; later calls update name and language. */
    FakeUser user(long id, String firstName, String languageCode) {
        if (id <= 0) {
            throw new IllegalArgumentException("user ids are positive");
        }
        return byId.compute(id, (key, existing) -> {
            if (existing != null) {
                existing.updateProfile(firstName, languageCode);
                return existing;
            }
            return new FakeUser(id, firstName, languageCode, chats.privateChat(id, firstName), queue, callbacks, files,
                    checkout);
        });
    }
}
