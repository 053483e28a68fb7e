package csbot.bot.send;

import csbot.bot.config.SenderProperties;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import csbot.emulator.ApiCall;
import csbot.emulator.BotMessage;
import csbot.emulator.FakeUser;
import csbot.emulator.TelegramEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static csbot.bot.testing.Observed.messagesSentTo;
import static csbot.bot.testing.Observed.textsSentTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link Sender} against the Telegram emulator over real HTTP, with a real {@code OkHttpTelegramClient} and
 * production pacing (1 message a second per chat after a burst of 3, 30 a second overall). Covers Telegram's flood
 * rules and the failures Telegram answers with: a burst to one chat is spaced out without holding up another chat;
 * a {@code 429 retry_after} is waited out and nothing is dropped or reordered; passing 5xx errors are retried; an edit
 * of a message that no longer exists becomes a new message.
 */
@DisplayName("Sender: per-chat pacing, 429 retry_after, retries, and edits of vanished messages")
class SenderTest {

    private static final AtomicLong CHAT_IDS = new AtomicLong(810_000_000L + (System.nanoTime() % 1_000_000L) * 10);

    private static TelegramEmulator telegram;
    private static TelegramClient client;
    private MeterRegistry metrics;
    private Sender sender;

    @BeforeAll
    static void startTelegram() {
        telegram = TelegramEmulator.start();
        client = new OkHttpTelegramClient(telegram.token(),
                new TelegramUrl("http", telegram.host(), telegram.port(), false));
        // the first call loads and connects a lot; the timings below are about the sender, not about that
        FakeUser warm = customer("Warm");
        Sender warmUp = new Sender(client, new TelegramMethods(""), new SenderProperties(1, 3, 30, 6), new SimpleMeterRegistry());
        warmUp.send(List.of(say(warm, "warm-up")));
        warm.nextMessage(Duration.ofSeconds(30));
        warmUp.close();
        telegram.clearCalls();
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @BeforeEach
    void newSender() {
        metrics = new SimpleMeterRegistry();
        sender = new Sender(client, new TelegramMethods(""), new SenderProperties(1, 3, 30, 6), metrics);
    }

    @AfterEach
    void closeSender() {
        sender.close();
    }

    @Test
    @DisplayName("a burst of 5 to one chat: 3 at once, then one a second; another chat is not held up")
    void aBurstToOneChatIsPacedWithoutHoldingUpAnother() {
        FakeUser ann = customer("Ann");
        FakeUser bob = customer("Bob");

        long tooManyBefore = telegram.tooManyRequestsCount();
        Instant start = Instant.now();
        sender.send(List.of(say(ann, "A1"), say(ann, "A2"), say(ann, "A3"), say(ann, "A4"), say(ann, "A5"),
                say(bob, "B1"), say(bob, "B2")));
        for (String text : List.of("A1", "A2", "A3", "A4", "A5")) {
            assertThat(ann.nextMessage().text()).isEqualTo(text);
        }
        assertThat(bob.nextMessage().text()).isEqualTo("B1");
        assertThat(bob.nextMessage().text()).isEqualTo("B2");
        assertThat(sender.flush(Duration.ofSeconds(1))).as("all delivered").isTrue();

        List<Instant> a = times(ann);
        List<Instant> b = times(bob);
        assertThat(between(start, a.get(2))).as("A1–A3: the burst goes at once").isLessThan(ms(700));
        assertThat(between(a.get(0), a.get(3))).as("A1 → A4: one second").isBetween(ms(850), ms(1700));
        assertThat(between(a.get(3), a.get(4))).as("A4 → A5: one second").isBetween(ms(850), ms(1700));
        assertThat(between(start, b.get(1))).as("Bob's two messages do not wait for Ann's").isLessThan(ms(700));
        assertThat(telegram.tooManyRequestsCount()).as("429s from Telegram").isEqualTo(tooManyBefore);
    }

    @Test
    @DisplayName("a reply 200 ms after the chat's last message uses the burst left and goes at once, not a second later")
    void aMessageSoonAfterAnotherUsesTheBurstLeft() throws InterruptedException {
        FakeUser ann = customer("Ann");

        sender.send(List.of(say(ann, "A1")));
        assertThat(ann.nextMessage().text()).isEqualTo("A1");
        Thread.sleep(200);
        Instant second = Instant.now();
        sender.send(List.of(say(ann, "A2")));
        assertThat(ann.nextMessage().text()).isEqualTo("A2");
        Instant received = Instant.now();

        assertThat(between(second, received)).as("A2 waited for nothing").isLessThan(ms(500));
        assertThat(sender.flush(Duration.ofSeconds(1))).as("all delivered").isTrue();
    }

    @Test
    @DisplayName("many chats writing just as their pacing runs out: every message once, in order (no queue drained twice)")
    void messagesArrivingAsAQueueGoesIdleAreEachSentOnce() throws Exception {
        // a fast pace without burst, so a queue goes idle and is woken again many times a second
        Sender fast = new Sender(client, new TelegramMethods(""), new SenderProperties(20, 1, 5_000, 6),
                new SimpleMeterRegistry());
        List<FakeUser> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(customer("Racer" + i));
        }
        int each = 30;
        ExecutorService writers = Executors.newFixedThreadPool(users.size());
        try {
            for (FakeUser user : users) {
                writers.submit(() -> {
                    for (int m = 1; m <= each; m++) {
                        fast.send(List.of(say(user, "M" + m)));
                        Thread.sleep(40 + ThreadLocalRandom.current().nextInt(20));
                    }
                    return null;
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(fast.flush(Duration.ofSeconds(10))).as("all delivered").isTrue();
        } finally {
            fast.close();
        }
        List<String> expected = IntStream.rangeClosed(1, each).mapToObj(m -> "M" + m).toList();
        for (FakeUser user : users) {
            assertThat(textsSentTo(telegram, user.chatId())).as("chat %s", user.chatId()).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("429 with retry_after=2: the sender waits 2 s, then delivers everything, in order")
    void a429IsWaitedOutAndNothingIsDropped() {
        FakeUser cai = customer("Cai");
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 2", 2);

        sender.send(List.of(say(cai, "C1"), say(cai, "C2"), say(cai, "C3")));
        for (String text : List.of("C1", "C2", "C3")) {
            assertThat(cai.nextMessage(Duration.ofSeconds(6)).text()).isEqualTo(text);
        }
        assertThat(sender.flush(Duration.ofSeconds(1))).as("all delivered").isTrue();

        List<ApiCall> calls = telegram.calls("sendMessage").stream()
                .filter(call -> call.param("chat_id").equals(Long.toString(cai.chatId()))).toList();
        assertThat(calls).extracting(ApiCall::ok).containsExactly(false, true, true, true);
        assertThat(calls).extracting(call -> call.param("text")).containsExactly("C1", "C1", "C2", "C3");
        assertThat(between(calls.get(0).time(), calls.get(1).time())).as("wait after the 429")
                .isBetween(ms(1900), ms(3500));
        assertThat(metrics.counter("csbot.sender.throttled").count()).isEqualTo(1);
        assertThat(metrics.counter("csbot.sender.undelivered").count()).isZero();
    }

    @Test
    @DisplayName("two 502s in a row: the message is retried with backoff and delivered, the next one after it")
    void passingServerErrorsAreRetried() {
        FakeUser dan = customer("Dan");
        telegram.failNext("sendMessage", 2, 502, "Bad Gateway", 0);

        sender.send(List.of(say(dan, "D1"), say(dan, "D2")));
        assertThat(dan.nextMessage(Duration.ofSeconds(6)).text()).isEqualTo("D1");
        assertThat(dan.nextMessage().text()).isEqualTo("D2");
        assertThat(sender.flush(Duration.ofSeconds(1))).as("all delivered").isTrue();
        assertThat(metrics.counter("csbot.sender.retried").count()).isEqualTo(2);
        assertThat(metrics.counter("csbot.sender.undelivered").count()).isZero();
    }

    @Test
    @DisplayName("an edit of a message that was deleted, or never existed, is sent as a new message")
    void anEditOfAVanishedMessageBecomesANewMessage() throws Exception {
        FakeUser eve = customer("Eve");
        Keyboard.Inline refresh = Keyboard.Inline.of(List.of(List.of(
                Keyboard.Inline.Button.callback("🔄 Refresh", "abc:balance:pick:0"))));
        sender.send(List.of(new Outbound.Say(eve.chatId(), "Balance: £1.00", refresh)));
        BotMessage card = eve.nextMessage();
        client.execute(new DeleteMessage(Long.toString(eve.chatId()), card.messageId()));

        sender.send(List.of(new Outbound.Edit(eve.chatId(), card.messageId(), "Balance: £2.00", refresh)));
        BotMessage anew = eve.nextMessage();
        assertThat(anew.edited()).isFalse();
        assertThat(anew.messageId()).isNotEqualTo(card.messageId());
        assertThat(anew.text()).isEqualTo("Balance: £2.00");
        assertThat(anew.buttons()).containsExactly("🔄 Refresh");

        sender.send(List.of(new Outbound.Edit(eve.chatId(), 999_999, "Balance: £3.00", refresh)));
        BotMessage another = eve.nextMessage();
        assertThat(another.edited()).isFalse();
        assertThat(another.text()).isEqualTo("Balance: £3.00");
        assertThat(sender.flush(Duration.ofSeconds(1))).as("all delivered").isTrue();
        assertThat(telegram.calls("editMessageText")).filteredOn(call -> !call.ok()).hasSize(2);
        assertThat(metrics.counter("csbot.sender.undelivered").count()).isZero();
    }

    private static FakeUser customer(String name) {
        return telegram.user(CHAT_IDS.incrementAndGet(), name, "en");
    }

    private static Outbound say(FakeUser to, String text) {
        return new Outbound.Say(to.chatId(), text, Keyboard.NONE);
    }

    private static List<Instant> times(FakeUser user) {
        return messagesSentTo(telegram, user.chatId()).stream().map(ApiCall::time).toList();
    }

    private static Duration between(Instant from, Instant to) {
        return Duration.between(from, to);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
