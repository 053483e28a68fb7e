package csbot.dialogs.store;

import java.time.Duration;

/**
 * @param sessionTtl how long Redis keeps a session after its last update: the idle timeout plus a grace period in
 *                   which the bot can still tell the customer that their flow timed out
 * @param lockTtl    a crashed instance's chat lock frees itself after this long; longer than any one turn
 * @param lockWait   how long a turn waits for another instance to release the chat
 * @param seenTtl    how long a handled update id is remembered (Telegram redelivers within hours, not days)
 */
public record StoreSettings(Duration sessionTtl, Duration lockTtl, Duration lockWait, Duration seenTtl) {

    public static StoreSettings defaults() {
        return new StoreSettings(Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofHours(24));
    }
}
