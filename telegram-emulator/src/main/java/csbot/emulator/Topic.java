package csbot.emulator;

import java.time.Duration;

/**
 * One forum topic of a {@link ForumGroup}, read like a chat: {@link #nextMessage()} is the bot's next message in this
 * topic since the last read (messages in other topics are skipped). One instance per reader: the cursor is its own.
 */
public final class Topic {

    private final ForumGroup group;
    private final int threadId;
    private final String name;
    private long cursor;

    Topic(ForumGroup group, int threadId, String name) {
        this.group = group;
        this.threadId = threadId;
        this.name = name;
    }

    public int threadId() {
        return threadId;
    }

    public String name() {
        return name;
    }

    public ForumGroup group() {
        return group;
    }

    public BotMessage nextMessage() {
        return nextMessage(FakeUser.DEFAULT_TIMEOUT);
    }

    /** The bot's next message (new or edited) in this topic; fails after {@code timeout}. */
    public synchronized BotMessage nextMessage(Duration timeout) {
        ChatEvent.BotMessageEvent event = next(timeout);
        if (event == null) {
            throw new ConversationAssertionError("No message from the bot in topic \"" + name + "\" within "
                    + timeout.toMillis() + " ms\n" + transcript());
        }
        cursor = event.seq();
        return event.message();
    }

    /** Fails if the bot posts in this topic within {@code quietTime}; reads nothing. */
    public synchronized void expectNoMessage(Duration quietTime) {
        ChatEvent.BotMessageEvent event = next(quietTime);
        if (event != null) {
            throw new ConversationAssertionError("Expected no message in topic \"" + name + "\", got \""
                    + event.message().text() + "\"\n" + transcript());
        }
    }

    /** The whole group's log, for failure messages. */
    public String transcript() {
        return Transcript.of(group.id(), group.chat().events());
    }

    private ChatEvent.BotMessageEvent next(Duration timeout) {
        try {
            return (ChatEvent.BotMessageEvent) group.chat().awaitNext(cursor, event ->
                    event instanceof ChatEvent.BotMessageEvent message
                            && message.message().telegram().path("message_thread_id").asInt(0) == threadId,
                    timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationAssertionError("interrupted while waiting for the bot");
        }
    }
}
