package csbot.dialogs.store;

import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.Session;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Origin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat store against the real Redis on 127.0.0.1:6379, each run under its own key prefix. */
class ChatStoreTest {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;

    private final KeySpace keys = new KeySpace("test:" + UUID.randomUUID() + ":");
    private final StoreSettings settings = new StoreSettings(Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofMillis(300), Duration.ofMinutes(5));
    private final ChatStore store = new ChatStore(redis, keys, settings, new NonceSource(6), () -> 1_000L);
    private static final AtomicLong ids = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @BeforeAll
    static void connect() {
        client = RedisClient.create("redis://127.0.0.1:6379");
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
    }

    @Test
    void aNewChatLoadsIdleWithAnEmptyProfileAndIsLockedMeanwhile() {
        long chat = ids.incrementAndGet();
        ChatStore.Loaded loaded = loaded(store.tryLockAndLoad(chat, 1, "token-a"));
        assertThat(loaded.alreadyHandled()).isFalse();
        assertThat(loaded.conversation().session().inFlow()).isFalse();
        assertThat(loaded.conversation().profile()).isEqualTo(UserProfile.empty());

        assertThat(store.tryLockAndLoad(chat, 2, "token-b")).as("second turn while the first holds the chat")
                .isInstanceOf(ChatStore.Busy.class);
    }

    @Test
    void aCommitStoresSessionAndProfileMarksTheUpdateAndReleasesTheChat() {
        long chat = ids.incrementAndGet();
        Conversation before = loaded(store.tryLockAndLoad(chat, 10, "t1")).conversation();
        Session inFlow = before.session().at("link", "CODE", Map.of("tries", "2"));
        UserProfile linked = before.profile().withLine(new LinkedLine("+447911123456", "otp", 5));

        assertThat(store.commit(chat, 10, "t1", before, new Conversation(inFlow, linked))).isTrue();

        ChatStore.Loaded again = loaded(store.tryLockAndLoad(chat, 11, "t2"));
        assertThat(again.conversation().session()).isEqualTo(inFlow);
        assertThat(again.conversation().profile().lines()).extracting(LinkedLine::msisdn).containsExactly("+447911123456");
        store.unlock(chat, "t2");

        ChatStore.Loaded redelivered = loaded(store.tryLockAndLoad(chat, 10, "t3"));
        assertThat(redelivered.alreadyHandled()).as("update 10 redelivered").isTrue();
        assertThat(redis.pttl(keys.session(chat))).isPositive();
        assertThat(redis.ttl(keys.profile(chat))).as("profile is kept for good").isEqualTo(-1L);
    }

    @Test
    void aCommitAfterTheLockWasLostWritesNothing() {
        long chat = ids.incrementAndGet();
        Conversation before = loaded(store.tryLockAndLoad(chat, 20, "mine")).conversation();
        redis.del(keys.lock(chat)); // the lock expired …
        assertThat(store.tryLockAndLoad(chat, 21, "theirs")).isInstanceOf(ChatStore.Loaded.class); // … and another turn took the chat

        Session changed = before.session().at("bal", "SHOWN", Map.of());
        assertThat(store.commit(chat, 20, "mine", before, new Conversation(changed, before.profile()))).isFalse();
        assertThat(redis.get(keys.session(chat))).isNull();
        assertThat(redis.exists(keys.seen(chat, 20))).isZero();
    }

    @Test
    void scriptsSurviveARedisWhoseScriptCacheWasEmptied() {
        long chat = ids.incrementAndGet();
        redis.scriptFlush();
        Conversation before = loaded(store.tryLockAndLoad(chat, 30, "t")).conversation();
        redis.scriptFlush();
        assertThat(store.commit(chat, 30, "t", before, before)).isTrue();
    }

    @Test
    void aSessionOverTwoKilobytesIsRefused() {
        long chat = ids.incrementAndGet();
        Conversation before = loaded(store.tryLockAndLoad(chat, 40, "t")).conversation();
        Session huge = before.session().at("bal", "SHOWN", Map.of("x", "y".repeat(3000)));
        assertThatThrownBy(() -> store.commit(chat, 40, "t", before, new Conversation(huge, before.profile())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("over 2048");
    }

    @Test
    void anUnreadableSessionIsReplacedInsteadOfBlockingTheChat() {
        long chat = ids.incrementAndGet();
        redis.set(keys.session(chat), "{not json");
        ChatStore.Loaded loaded = loaded(store.tryLockAndLoad(chat, 50, "t"));
        assertThat(loaded.conversation().session().inFlow()).isFalse();
    }

    @Test
    void turnsOfOneChatWaitForEachOtherAndABusyChatIsReported() {
        long chat = ids.incrementAndGet();
        ChatTurns turns = new ChatTurns(store, settings);
        Inbound first = new Inbound.Text(new Origin(60, chat, chat, "A", "en"), "hi");
        ChatTurns.Outcome handled = turns.run(first, (conversation, in) ->
                new Conversation.Turned(conversation.session(), conversation.profile(), List.of()));
        assertThat(handled).isInstanceOf(ChatTurns.Handled.class);
        assertThat(turns.run(first, (c, in) -> {
            throw new AssertionError("a handled update must not run again");
        })).isInstanceOf(ChatTurns.Duplicate.class);

        loaded(store.tryLockAndLoad(chat, 61, "someone-else"));
        Inbound second = new Inbound.Text(new Origin(62, chat, chat, "A", "en"), "hi");
        assertThatThrownBy(() -> turns.run(second, (c, in) -> new Conversation.Turned(c.session(), c.profile(),
                List.of()))).isInstanceOf(ChatTurns.ChatBusy.class);
    }

    @Test
    void aQuotaIsCountedWithTheLockAndPastItNothingRunsAndTheChatStaysFree() {
        long chat = ids.incrementAndGet();
        ChatTurns turns = new ChatTurns(store, settings);
        ChatStore.Quota quota = new ChatStore.Quota(keys.chatKey(chat, "rate"), Duration.ofMinutes(1), 2);
        for (int update = 70; update < 72; update++) {
            assertThat(turns.run(new Inbound.Text(new Origin(update, chat, chat, "A", "en"), "hi"), quota,
                    (c, in) -> new Conversation.Turned(c.session(), c.profile(), List.of())))
                    .isInstanceOf(ChatTurns.Handled.class);
        }
        assertThat(turns.run(new Inbound.Text(new Origin(72, chat, chat, "A", "en"), "hi"), quota, (c, in) -> {
            throw new AssertionError("over the quota nothing runs");
        })).isEqualTo(new ChatTurns.OverQuota(3));
        assertThat(redis.pttl(keys.chatKey(chat, "rate"))).isPositive();
        assertThat(redis.exists(keys.lock(chat), keys.seen(chat, 72))).as("lock given back, update not marked").isZero();
        assertThat(store.tryLockAndLoad(chat, 73, "t")).as("without a quota the chat is not limited")
                .isInstanceOf(ChatStore.Loaded.class);
    }

    private static ChatStore.Loaded loaded(ChatStore.Attempt attempt) {
        assertThat(attempt).isInstanceOf(ChatStore.Loaded.class);
        return (ChatStore.Loaded) attempt;
    }
}
