package csbot.emulator;

import java.util.Set;

/**
 * Telegram's flood control as fixed one-second windows: a call to one of {@code methods} beyond
 * {@code perChatPerSecond} in one chat, or beyond {@code globalPerSecond} in all chats, gets a 429
 * with {@code retry_after}. A limit of 0 is off. Groups (negative chat ids) also have Telegram's
 * {@code perGroupPerMinute} (20 in Telegram), as a fixed one-minute window.
 */
public record RateLimits(int perChatPerSecond, int globalPerSecond, int perGroupPerMinute, Set<String> methods) {

    /** The methods that put or change a message in a chat, which Telegram's limits are about. */
    public static final Set<String> MESSAGE_METHODS = Set.of(
            "sendMessage", "editMessageText", "editMessageReplyMarkup", "editMessageCaption", "sendPhoto",
            "sendDocument", "sendMediaGroup", "copyMessage", "forwardMessage", "sendInvoice", "createForumTopic");

    public static final RateLimits OFF = new RateLimits(0, 0, MESSAGE_METHODS);

    public RateLimits {
        if (perChatPerSecond < 0 || globalPerSecond < 0 || perGroupPerMinute < 0) {
            throw new IllegalArgumentException("limits are counts per second (per minute for groups), 0 for none");
        }
        methods = Set.copyOf(methods);
    }

    /** Without a group limit. */
    public RateLimits(int perChatPerSecond, int globalPerSecond, Set<String> methods) {
        this(perChatPerSecond, globalPerSecond, 0, methods);
    }

    /** These limits with Telegram's per-group limit added, e.g. {@code withPerGroupPerMinute(20)}. */
    public RateLimits withPerGroupPerMinute(int perMinute) {
        return new RateLimits(perChatPerSecond, globalPerSecond, perMinute, methods);
    }

    public static RateLimits of(int perChatPerSecond, int globalPerSecond) {
        return new RateLimits(perChatPerSecond, globalPerSecond, MESSAGE_METHODS);
    }

    boolean appliesTo(String method) {
        return (perChatPerSecond > 0 || globalPerSecond > 0 || perGroupPerMinute > 0) && methods.contains(method);
    }
}
