package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram's side of payments: the invoices the bot sent, pre-checkout queries waiting for the bot's
 * answerPreCheckoutQuery, and the ledger of charges and refunds (refundStarPayment). What the user's client
 * does is {@link Checkout}.
 */
final class Payments {

    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** A pre-checkout query sent to the bot; {@code answer} completes with its answer, or null when too late. */
    record PendingCheckout(String id, SentInvoice invoice, ChatState chat, Instant deadline,
                           CompletableFuture<PreCheckoutAnswer> answer) {
    }

    private record InvoiceKey(long chatId, int messageId) {
    }

    /** A charge with what a refund needs: the chat and the payer as updates show them. */
    private record Entry(Charge charge, ChatState chat, ObjectNode payer, AtomicBoolean refunded) {
    }

    private final Duration answerTimeout;
    private final UpdateQueue queue;
    private final ConcurrentHashMap<InvoiceKey, SentInvoice> invoices = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PendingCheckout> unanswered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> byChargeId = new ConcurrentHashMap<>();
    private final List<Charge> charges = new CopyOnWriteArrayList<>();
    private final List<Refund> refunds = new CopyOnWriteArrayList<>();
    /** Telegram's query ids are long numbers; starting at a random one keeps ids of two runs apart. */
    private final AtomicLong lastQueryId = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 60));

    /** @param answerTimeout how long Telegram waits for answerPreCheckoutQuery: 10 s */
    Payments(Duration answerTimeout, UpdateQueue queue) {
        this.answerTimeout = answerTimeout;
        this.queue = queue;
    }

    // ---- invoices ----

    void invoiceSent(long chatId, int messageId, InvoiceTerms terms) {
        invoices.put(new InvoiceKey(chatId, messageId), new SentInvoice(chatId, messageId, terms));
    }

    Optional<SentInvoice> invoice(long chatId, int messageId) {
        return Optional.ofNullable(invoices.get(new InvoiceKey(chatId, messageId)));
    }

    // ---- pre-checkout ----

    /** Registers a query for the bot to answer within the timeout; queue its update only after this. */
    PendingCheckout open(SentInvoice invoice, ChatState chat) {
        Instant now = Instant.now();
        unanswered.values().removeIf(query -> now.isAfter(query.deadline()));
        PendingCheckout query = new PendingCheckout(Long.toString(lastQueryId.incrementAndGet()), invoice, chat,
                now.plus(answerTimeout), new CompletableFuture<>());
        unanswered.put(query.id(), query);
        return query;
    }

    /** The bot's answer, or empty when it did not come in time (a later answer is then Telegram's 400). */
    Optional<PreCheckoutAnswer> awaitAnswer(PendingCheckout query) throws InterruptedException {
        long left = Math.max(0, Duration.between(Instant.now(), query.deadline()).toNanos());
        try {
            return Optional.ofNullable(query.answer().get(left, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            if (unanswered.remove(query.id(), query)) {
                return Optional.empty();
            }
            return Optional.ofNullable(query.answer().join());  // answered (or found late) as it expired
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * answerPreCheckoutQuery. A declining answer needs an error_message (checked first, so a bot that forgot
     * it may still answer properly); an unknown, answered or expired query is Telegram's QUERY_ID_INVALID.
     */
    JsonNode answerPreCheckoutQuery(MethodCall call) {
        boolean ok = call.flag("ok");
        String errorMessage = call.text("error_message");
        if (!ok && (errorMessage == null || errorMessage.isEmpty())) {
            throw ApiError.badRequest("parameter \"error_message\" is required").exception();
        }
        String id = call.text("pre_checkout_query_id");
        PendingCheckout query = id == null ? null : unanswered.remove(id);
        Instant now = Instant.now();
        if (query != null && now.isAfter(query.deadline())) {
            query.answer().complete(null);  // too late: whoever waits for it sees no answer
            query = null;
        }
        if (query == null) {
            throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid")
                    .exception();
        }
        PreCheckoutAnswer answer = new PreCheckoutAnswer(id, ok, ok ? null : errorMessage, now);
        query.chat().preCheckoutAnswered(answer);
        query.answer().complete(answer);
        return BooleanNode.TRUE;
    }

    // ---- the ledger ----

    /**
     * Charges the payer for the invoice: a new charge with fresh ids ({@code telegramChargeId} null), or the
     * one with that id, which must be for this invoice (a duplicate delivery charges nothing).
     */
    Charge charge(SentInvoice invoice, ChatState chat, long payerId, ObjectNode payer, String telegramChargeId) {
        InvoiceTerms terms = invoice.terms();
        if (telegramChargeId != null && byChargeId.containsKey(telegramChargeId)) {
            Charge existing = byChargeId.get(telegramChargeId).charge();
            if (existing.chatId() != invoice.chatId() || existing.invoiceMessageId() != invoice.messageId()) {
                throw new IllegalArgumentException("charge " + telegramChargeId + " paid another invoice: "
                        + existing);
            }
            return existing;
        }
        String chargeId = telegramChargeId != null ? telegramChargeId
                : terms.stars() ? randomId("stx", 40) : randomId("tgc", 29);
        Charge charge = new Charge(payerId, chat.id(), invoice.messageId(), terms.payload(), terms.currency(),
                terms.totalAmount(), chargeId, terms.stars() ? "" : randomId("ch_", 24), Instant.now());
        Entry entry = new Entry(charge, chat, payer, new AtomicBoolean());
        if (byChargeId.putIfAbsent(chargeId, entry) != null) {
            return charge(invoice, chat, payerId, payer, chargeId);  // the same id given twice at once
        }
        charges.add(charge);
        invoice.paidBy(charge);
        return charge;
    }

    /**
     * refundStarPayment: gives a Stars charge back to the user it came from, once; Telegram then tells the bot
     * with a refunded_payment message in the user's chat.
     */
    JsonNode refundStarPayment(MethodCall call) {
        long userId = call.longParam("user_id", 0);
        if (userId <= 0) {
            throw ApiError.badRequest("invalid user_id specified").exception();
        }
        String chargeId = call.text("telegram_payment_charge_id");
        if (chargeId == null || chargeId.isEmpty()) {
            throw ApiError.badRequest("parameter \"telegram_payment_charge_id\" is required").exception();
        }
        Entry entry = byChargeId.get(chargeId);
        if (entry == null || entry.charge().userId() != userId || !entry.charge().stars()) {
            throw ApiError.badRequest("CHARGE_NOT_FOUND").exception();
        }
        if (!entry.refunded().compareAndSet(false, true)) {
            throw ApiError.badRequest("CHARGE_ALREADY_REFUNDED").exception();
        }
        Charge charge = entry.charge();
        Refund refund = new Refund(userId, chargeId, charge.currency(), charge.totalAmount(), Instant.now());
        refunds.add(refund);
        ObjectNode update = UserUpdates.message(entry.chat(), entry.payer(), UserUpdates.refundedPayment(charge));
        entry.chat().refunded(refund, () -> queue.enqueue(update).updateId());
        return BooleanNode.TRUE;
    }

    List<Charge> charges() {
        return List.copyOf(charges);
    }

    List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    private static String randomId(String prefix, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
