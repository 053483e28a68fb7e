package csbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One chat: its message ids, the current version of each bot message, the reply keyboard on screen
 * and the event log. Every chat has its own monitor, so a thousand busy chats do not contend, and
 * readers wait on it instead of polling.
 */
final class ChatState {

    private final long id;
    private final ObjectNode json;
    private final List<ChatEvent> events = new ArrayList<>();
    private final Map<Integer, BotMessage> botMessages = new HashMap<>();
    /** What users sent, as Message objects: what copyMessage copies. */
    private final Map<Integer, ObjectNode> userMessages = new HashMap<>();
    /** Forum topics of a supergroup with topics: message_thread_id → name. */
    private final Map<Integer, String> topics = new HashMap<>();
    /** Group members by user id: their User object and ChatMember status. */
    private final Map<Long, Member> members = new HashMap<>();
    private int lastMessageId;
    private ReplyKeyboard replyKeyboard;

    /** @param json the Chat object as updates and messages carry it; never changed afterwards */
    ChatState(ObjectNode json) {
        this.id = json.get("id").asLong();
        this.json = json;
    }

    /** A user in a group, as getChatMember tells: status creator, administrator, member, left or kicked. */
    record Member(ObjectNode user, String status) {
    }

    long id() {
        return id;
    }

    boolean isForum() {
        return json.path("is_forum").asBoolean(false);
    }

    /** Opens a forum topic; its id is the id of the service message that starts it, as in Telegram. */
    synchronized int createTopic(String name) {
        if (!isForum()) {
            throw ApiError.badRequest("the chat is not a forum").exception();
        }
        int threadId = ++lastMessageId;
        topics.put(threadId, name);
        notifyAll();
        return threadId;
    }

    synchronized Map<Integer, String> topics() {
        return Map.copyOf(topics);
    }

    /** Checks a message_thread_id the bot gave; 0 is the chat itself (a group's General topic). */
    synchronized void checkThread(int threadId) {
        if (threadId != 0 && !topics.containsKey(threadId)) {
            throw ApiError.badRequest("message thread not found").exception();
        }
    }

    synchronized void setMember(ObjectNode user, String status) {
        members.put(user.get("id").asLong(), new Member(user, status));
    }

    synchronized Optional<Member> member(long userId) {
        return Optional.ofNullable(members.get(userId));
    }

    synchronized void rememberUserMessage(ObjectNode message) {
        userMessages.put(message.get("message_id").asInt(), message);
    }

    /** A message in the chat, sent by a user or the bot, as a Message object. */
    synchronized Optional<ObjectNode> anyMessage(int messageId) {
        ObjectNode user = userMessages.get(messageId);
        if (user != null) {
            return Optional.of(user);
        }
        BotMessage bot = botMessages.get(messageId);
        return bot == null ? Optional.empty() : Optional.of((ObjectNode) bot.telegram());
    }

    ObjectNode json() {
        return json;
    }

    /** Message ids are shared by both sides of a chat and only grow, as in Telegram. */
    synchronized int nextMessageId() {
        return ++lastMessageId;
    }

    synchronized BotMessage post(IntFunction<BotMessage> build) {
        BotMessage message = build.apply(++lastMessageId);
        botMessages.put(message.messageId(), message);
        if (message.replyKeyboard() != null) {
            replyKeyboard = message.replyKeyboard().remove() ? null : message.replyKeyboard();
        }
        append(new ChatEvent.BotMessageEvent(nextSeq(), message));
        return message;
    }

    /** Replaces a bot message by {@code change} of its current version; the change may throw an ApiError. */
    synchronized BotMessage edit(int messageId, UnaryOperator<BotMessage> change) {
        BotMessage current = botMessages.get(messageId);
        if (current == null) {
            throw ApiError.badRequest("message to edit not found").exception();
        }
        BotMessage edited = change.apply(current);
        botMessages.put(messageId, edited);
        append(new ChatEvent.BotMessageEvent(nextSeq(), edited));
        return edited;
    }

    synchronized void delete(int messageId) {
        if (botMessages.remove(messageId) == null && (messageId <= 0 || messageId > lastMessageId)) {
            throw ApiError.badRequest("message to delete not found").exception();
        }
        append(new ChatEvent.MessageDeleted(nextSeq(), messageId));
    }

    /**
     * Enqueues the update a user action makes and logs the action under one lock, so the log shows
     * the action before anything the bot answers to it.
     */
    synchronized long userAction(String kind, String text, LongSupplier enqueue) {
        long updateId = enqueue.getAsLong();
        append(new ChatEvent.UserAction(nextSeq(), updateId, kind, text));
        return updateId;
    }

    /** Like {@link #userAction}, for a member posting in a group. */
    synchronized long memberPost(int threadId, long fromId, String fromName, String kind, String text,
                                 LongSupplier enqueue) {
        long updateId = enqueue.getAsLong();
        append(new ChatEvent.MemberPost(nextSeq(), updateId, threadId, fromId, fromName, kind, text));
        return updateId;
    }

    synchronized void preCheckoutAnswered(PreCheckoutAnswer answer) {
        append(new ChatEvent.PreCheckoutAnswered(nextSeq(), answer));
    }

    /** Like {@link #userAction}: the successful_payment update and its log entry, under one lock. */
    synchronized long paid(Charge charge, LongSupplier enqueue) {
        long updateId = enqueue.getAsLong();
        append(new ChatEvent.PaymentMade(nextSeq(), updateId, charge));
        return updateId;
    }

    /** Like {@link #userAction}: the refunded_payment update and its log entry, under one lock. */
    synchronized long refunded(Refund refund, LongSupplier enqueue) {
        long updateId = enqueue.getAsLong();
        append(new ChatEvent.PaymentRefunded(nextSeq(), updateId, refund));
        return updateId;
    }

    synchronized void callbackAnswered(CallbackAnswer answer) {
        append(new ChatEvent.CallbackAnswered(nextSeq(), answer));
    }

    synchronized Optional<BotMessage> message(int messageId) {
        return Optional.ofNullable(botMessages.get(messageId));
    }

    /** Current versions of the bot's messages still in the chat, newest first. */
    synchronized List<BotMessage> messagesNewestFirst() {
        List<BotMessage> all = new ArrayList<>(botMessages.values());
        all.sort((a, b) -> Integer.compare(b.messageId(), a.messageId()));
        return all;
    }

    synchronized Optional<ReplyKeyboard> replyKeyboard() {
        return Optional.ofNullable(replyKeyboard);
    }

    /** A one-time keyboard hides once used, as Telegram clients do. */
    synchronized void replyKeyboardUsed() {
        if (replyKeyboard != null && replyKeyboard.oneTime()) {
            replyKeyboard = null;
        }
    }

    synchronized List<ChatEvent> events() {
        return List.copyOf(events);
    }

    /** The first event after {@code afterSeq} of the given type, waiting up to the timeout; null if none came. */
    synchronized <T extends ChatEvent> T awaitNext(long afterSeq, Class<T> type, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int from = (int) afterSeq;
        while (true) {
            for (int i = from; i < events.size(); i++) {
                if (type.isInstance(events.get(i))) {
                    return type.cast(events.get(i));
                }
            }
            from = events.size();
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    /** The first event after {@code afterSeq} that {@code matches}, waiting up to the timeout; null if none came. */
    synchronized ChatEvent awaitNext(long afterSeq, Predicate<ChatEvent> matches, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int from = (int) afterSeq;
        while (true) {
            for (int i = from; i < events.size(); i++) {
                if (matches.test(events.get(i))) {
                    return events.get(i);
                }
            }
            from = events.size();
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    /** Waits up to the timeout for a topic whose name contains {@code fragment}; its id, or 0. */
    synchronized int awaitTopic(String fragment, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            for (Map.Entry<Integer, String> topic : topics.entrySet()) {
                if (topic.getValue().contains(fragment)) {
                    return topic.getKey();
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return 0;
            }
            wait(left);
        }
    }

    /** Every event after {@code afterSeq}, waiting up to the timeout for at least one. */
    synchronized List<ChatEvent> awaitAfter(long afterSeq, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (events.size() <= afterSeq) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return List.of();
            }
            wait(left);
        }
        return List.copyOf(events.subList((int) Math.max(afterSeq, 0), events.size()));
    }

    private long nextSeq() {
        return events.size() + 1L;
    }

    private void append(ChatEvent event) {
        events.add(event);
        notifyAll();
    }
}
