package csbot.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A supergroup with topics enabled that the bot is in, e.g. a support team's agents group. People are added as
 * members ({@link #addMember}) and post into topics through {@link FakeUser#postIn}; a user never added posts too (as
 * a message in flight from someone just removed would arrive), but getChatMember says "left" for them.
 * {@link #topic} finds a topic the bot opened, to read what the bot posts there.
 */
public final class ForumGroup {

    private final ChatState chat;

    ForumGroup(ChatState chat) {
        this.chat = chat;
    }

    public long id() {
        return chat.id();
    }

    public String title() {
        return chat.json().path("title").asText();
    }

    /** Adds the user as a member (getChatMember status "member"). */
    public ForumGroup addMember(FakeUser user) {
        chat.setMember(UserUpdates.user(user.id(), user.firstName(), user.languageCode()), "member");
        return this;
    }

    /** Adds the user as an administrator, as the group's owner makes the team leads. */
    public ForumGroup addAdministrator(FakeUser user) {
        chat.setMember(UserUpdates.user(user.id(), user.firstName(), user.languageCode()), "administrator");
        return this;
    }

    /** The user leaves (getChatMember status "left"). */
    public ForumGroup remove(FakeUser user) {
        chat.setMember(UserUpdates.user(user.id(), user.firstName(), user.languageCode()), "left");
        return this;
    }

    /** The topics the bot opened: message_thread_id → name. */
    public Map<Integer, String> topics() {
        return chat.topics();
    }

    /** Opens a topic as a member would (the bot did not make it), e.g. a chat topic next to the tickets. */
    public Topic openTopic(String name) {
        int threadId = chat.createTopic(name);
        return new Topic(this, threadId, name);
    }

    /** The topic with this id, if the group has it. */
    public Optional<Topic> topic(int threadId) {
        String name = chat.topics().get(threadId);
        return name == null ? Optional.empty() : Optional.of(new Topic(this, threadId, name));
    }

    /** The first topic whose name contains {@code nameFragment}, waiting up to the default timeout for it. */
    public Topic topic(String nameFragment) {
        return topic(nameFragment, FakeUser.DEFAULT_TIMEOUT);
    }

    public Topic topic(String nameFragment, Duration timeout) {
        try {
            int threadId = chat.awaitTopic(nameFragment, timeout.toMillis());
            if (threadId == 0) {
                throw new ConversationAssertionError("No topic \"" + nameFragment + "\" in " + title() + " within "
                        + timeout.toMillis() + " ms; topics: " + chat.topics().values());
            }
            return new Topic(this, threadId, chat.topics().get(threadId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationAssertionError("interrupted while waiting for a topic");
        }
    }

    ChatState chat() {
        return chat;
    }
}
