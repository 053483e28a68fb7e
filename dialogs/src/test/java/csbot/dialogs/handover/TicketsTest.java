package csbot.dialogs.handover;

import csbot.dialogs.engine.HandoverReason;
import csbot.dialogs.store.KeySpace;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets against the real Redis on 127.0.0.1:6379 (a key prefix of this run's own, removed afterwards). Failure
 * cases covered: asking twice, several agents taking one ticket at once (each on its own connection, as instances
 * are), customer messages arriving while the topic is being opened, reopening when the customer has a newer ticket.
 */
class TicketsTest {

    private static final String PREFIX = "test:" + UUID.randomUUID() + ":";
    private static final AtomicLong CHATS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static Tickets tickets;

    @BeforeAll
    static void connect() {
        client = RedisClient.create("redis://127.0.0.1:6379");
        connection = client.connect();
        tickets = tickets(connection.sync());
    }

    @AfterAll
    static void close() {
        RedisCommands<String, String> redis = connection.sync();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(PREFIX + "*").limit(500));
            if (!page.getKeys().isEmpty()) {
                redis.del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
        connection.close();
        client.shutdown();
    }

    private static Tickets tickets(RedisCommands<String, String> redis) {
        return new Tickets(redis, new KeySpace(PREFIX), Duration.ofDays(90));
    }

    private static Ticket draft(long chatId) {
        return new Ticket(0, chatId, "Wei", "en", "+44 •••• 3123", HandoverReason.ASKED, "bal", "SHOWN",
                Ticket.Status.WAITING, 0, 0, "", NOW.toEpochMilli(), 0, 0, false, 0, "", "", 0);
    }

    @Test
    void askingTwiceIsOneTicketAndTheQueueCountsFromOne() {
        long chat = CHATS.incrementAndGet();
        Tickets.Opened first = tickets.open(draft(chat), NOW.plusSeconds(600), NOW);
        Tickets.Opened again = tickets.open(draft(chat), NOW.plusSeconds(600), NOW);

        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.ticket().number()).isEqualTo(first.ticket().number());
        assertThat(tickets.openFor(chat)).map(Ticket::number).contains(first.ticket().number());
        assertThat(tickets.position(first.ticket().number())).isPositive();
        assertThat(tickets.find(first.ticket().number())).contains(first.ticket());
    }

    @Test
    void agentsTakingOneTicketAtOnceOneOfThemGetsIt() throws Exception {
        Ticket ticket = tickets.open(draft(CHATS.incrementAndGet()), NOW.plusSeconds(600), NOW).ticket();
        int agents = 8;
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<Ticket>>> takes = new ArrayList<>();
            for (int agent = 1; agent <= agents; agent++) {
                long agentId = agent;
                StatefulRedisConnection<String, String> own = client.connect();
                connections.add(own);
                Tickets instance = tickets(own.sync());
                takes.add(pool.submit(() -> {
                    go.await();
                    return instance.change(ticket.number(), current -> current
                            .filter(t -> t.status() == Ticket.Status.WAITING)
                            .map(t -> t.assignedTo(agentId, "Agent " + agentId, NOW.toEpochMilli())), t -> null);
                }));
            }
            go.countDown();
            List<Ticket> taken = new ArrayList<>();
            for (Future<Optional<Ticket>> take : takes) {
                take.get().ifPresent(taken::add);
            }
            assertThat(taken).hasSize(1);
            assertThat(tickets.find(ticket.number()).orElseThrow().agentId()).isEqualTo(taken.get(0).agentId());
            assertThat(tickets.position(ticket.number())).as("out of the waiting queue").isZero();
        } finally {
            pool.shutdownNow();
            connections.forEach(StatefulRedisConnection::close);
        }
    }

    @Test
    void messagesArrivingWhileTheTopicOpensAreEachCopiedOnce() throws Exception {
        Ticket ticket = tickets.open(draft(CHATS.incrementAndGet()), NOW.plusSeconds(600), NOW).ticket();
        List<Integer> direct = Collections.synchronizedList(new ArrayList<>());
        try (StatefulRedisConnection<String, String> customerSide = client.connect()) {
            Tickets customer = tickets(customerSide.sync());
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> messages = pool.submit(() -> IntStream.rangeClosed(1, 300).forEach(id -> {
                if (customer.topicOrHold(ticket.number(), id) > 0) {
                    direct.add(id);
                }
            }));
            // the topic opens while messages keep coming: some are held, the rest go straight to it
            while (held(ticket) < 50 && !messages.isDone()) {
                Thread.onSpinWait();
            }
            List<Integer> heldForTheTopic = tickets.topicOpened(ticket.number(), 77).orElseThrow();
            messages.get();
            pool.shutdown();

            assertThat(tickets.topicOpened(ticket.number(), 78)).as("a second topic is refused").isEmpty();
            List<Integer> all = new ArrayList<>(heldForTheTopic);
            all.addAll(direct);
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 300).boxed().toList());
            assertThat(heldForTheTopic).as("held in order").isSorted();
            assertThat(tickets.forTopic(77)).map(Ticket::number).contains(ticket.number());
        }
    }

    @Test
    void aClosedTicketIsKeptForTheRetentionAndReopensOnlyWithoutANewerOne() {
        long chat = CHATS.incrementAndGet();
        Ticket ticket = tickets.open(draft(chat), NOW.plusSeconds(600), NOW).ticket();
        tickets.record(ticket.number(), NOW, "customer", "hello");
        Ticket closed = tickets.change(ticket.number(), current -> current.map(t -> t.closed("agent", 1)), t -> null)
                .orElseThrow();
        assertThat(tickets.openFor(chat)).isEmpty();
        long ttl = connection.sync().pttl(PREFIX + "{desk}:ticket:" + ticket.number());
        assertThat(ttl).as("kept for the retention").isBetween(Duration.ofDays(89).toMillis(), Duration.ofDays(90).toMillis());
        assertThat(connection.sync().pttl(PREFIX + "{desk}:transcript:" + ticket.number())).isPositive();

        Ticket newer = tickets.open(draft(chat), NOW.plusSeconds(600), NOW).ticket();
        assertThat(tickets.save(closed, closed.assignedTo(5, "Ann", 2), null))
                .isEqualTo(Tickets.Saved.CHAT_HAS_ANOTHER);
        assertThat(tickets.openFor(chat)).map(Ticket::number).contains(newer.number());
        assertThat(tickets.save(ticket, ticket.assignedTo(5, "Ann", 2), null)).as("from an old version")
                .isEqualTo(Tickets.Saved.CHANGED_MEANWHILE);
    }

    private long held(Ticket ticket) {
        return connection.sync().llen(PREFIX + "{desk}:held:" + ticket.number());
    }
}
