package csbot.dialogs.reissue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import csbot.backend.AccountBackend;
import csbot.backend.ActivationCode;
import csbot.backend.BackendFailure;
import csbot.backend.LineType;
import csbot.backend.OrderState;
import csbot.backend.ProductOrder;
import csbot.backend.TroubleTicket;
import csbot.backend.TroubleTicketRequest;
import csbot.dialogs.audit.AuditLog;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.validate.PhoneNumbers;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reissue orders placed from chats, and what their customers hear as the backend's order events arrive: in
 * progress; completed — a SIM's activation steps, or an eSIM's activation code as a QR image with the SM-DP+ address
 * and matching ID, fetched from the backend at that moment and sent once, never stored; failed or rejected — a TMF621
 * trouble ticket is opened and the customer told what happens next. Each state is told once, whichever instance
 * receives the event ({@code SET NX} per order and state). Kept in Redis ({@code reissue:order:<id>}, 30 days): the
 * chat, its language, the line, the card type, the ticket.
 */
public final class ReissueOrders {

    private static final Logger log = LoggerFactory.getLogger(ReissueOrders.class);
    private static final Duration KEPT = Duration.ofDays(30);

    /** What the bot remembers of an order it placed. */
    record Watch(long chatId, String lang, String msisdn, LineType cardType, String ticket) {

        Watch withTicket(String id) {
            return new Watch(chatId, lang, msisdn, cardType, id);
        }
    }

    private final AccountBackend backend;
    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final AuditLog audit;
    private final String hotline;
    private final Texts texts = Texts.load("csbot/dialogs/reissue/texts");
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ReissueOrders(AccountBackend backend, RedisClusterCommands<String, String> redis, KeySpace keys,
                         AuditLog audit, String hotline) {
        this.backend = backend;
        this.redis = redis;
        this.keys = keys;
        this.audit = audit;
        this.hotline = hotline;
    }

    /** Remembers an order just placed from a chat, so its events reach that chat. */
    void watch(ProductOrder order, long chatId, Lang lang, LineType cardType) {
        store(order.id(), new Watch(chatId, lang.tag(), order.msisdn(), cardType, ""));
    }

    /** The trouble ticket opened for a failed or rejected order, if any. */
    public Optional<String> ticketOf(String orderId) {
        return find(orderId).map(Watch::ticket).filter(ticket -> !ticket.isEmpty());
    }

    /**
     * What the chat that placed an order has not been told yet of its state, e.g. because the event was lost: "My
     * orders" calls it for each order it shows, so a completed eSIM's code still reaches the customer, once.
     */
    public List<Outbound> catchUp(ProductOrder order, long chatId) {
        return find(order.id()).filter(watch -> watch.chatId() == chatId).isPresent()
                ? onOrderChanged(order) : List.of();
    }

    /** What to tell the customer about an order's new state; nothing for orders placed elsewhere or already told. */
    public List<Outbound> onOrderChanged(ProductOrder order) {
        Optional<Watch> found = find(order.id());
        if (found.isEmpty() || order.state() == OrderState.ACKNOWLEDGED || lateProgress(order) || !firstTold(order)) {
            return List.of();
        }
        Watch watch = found.get();
        Lang lang = Lang.fromTag(watch.lang());
        String number = PhoneNumbers.mask(order.msisdn());
        return switch (order.state()) {
            case IN_PROGRESS -> List.of(say(watch, t(lang, "event.inProgress", "order", order.id(), "number", number)));
            case COMPLETED -> completed(order, watch, lang, number);
            case FAILED, REJECTED -> unsuccessful(order, watch, lang, number);
            case CANCELLED -> List.of(say(watch, t(lang, "event.cancelled", "order", order.id(), "number", number)));
            case ACKNOWLEDGED -> List.of();
        };
    }

    private List<Outbound> completed(ProductOrder order, Watch watch, Lang lang, String number) {
        audit.reissueEnded(watch.chatId(), order.msisdn(), order.id(), "completed", "");
        if (watch.cardType() == LineType.SIM) {
            return List.of(say(watch, t(lang, "event.completed.sim", "order", order.id(), "number", number)));
        }
        ActivationCode code;
        try {
            code = backend.activationCode(order.id());
        } catch (BackendFailure e) {
            // not told yet: a redelivered event may try again
            redis.del(toldKey(order.id(), order.state()));
            throw e;
        }
        audit.activationCodeSent(watch.chatId(), order.msisdn(), order.id());
        String caption = t(lang, "event.completed.esim.caption", "order", order.id(), "number", number,
                "smdp", code.smdpAddress(), "matchingId", code.matchingId())
                + (code.confirmationCodeRequired() ? "\n\n" + t(lang, "event.completed.esim.confirmation") : "");
        return List.of(new Outbound.Photo(watch.chatId(), ActivationQr.png(code.lpa()), "esim-" + order.id() + ".png",
                        caption, Keyboard.NONE),
                say(watch, t(lang, "event.completed.esim.steps")));
    }

    private List<Outbound> unsuccessful(ProductOrder order, Watch watch, Lang lang, String number) {
        String state = order.state() == OrderState.REJECTED ? "rejected" : "failed";
        audit.reissueEnded(watch.chatId(), order.msisdn(), order.id(), state, order.stateReason());
        String reason = texts.has("reason." + order.stateReason())
                ? t(lang, "reason." + order.stateReason()) : t(lang, "reason.other");
        String fee = t(lang, "event.feeBack");
        try {
            TroubleTicket ticket = backend.openTroubleTicket(new TroubleTicketRequest("reissue" + capitalised(state),
                    "major", order.msisdn(), order.id(), "Reissue order " + order.id() + " " + state + " ("
                    + (order.stateReason().isEmpty() ? "no reason given" : order.stateReason()) + "), line "
                    + PhoneNumbers.mask(order.msisdn()) + ". Contact the customer about a replacement."),
                    "reissue-ticket-" + order.id());
            store(order.id(), watch.withTicket(ticket.id()));
            return List.of(say(watch, t(lang, "event." + state, "order", order.id(), "number", number, "reason", reason,
                    "ticket", ticket.id(), "fee", fee)));
        } catch (BackendFailure e) {
            log.warn("order {}: trouble ticket could not be opened ({})", order.id(), e.getClass().getSimpleName());
            return List.of(say(watch, t(lang, "event." + state + ".noTicket", "order", order.id(), "number", number,
                    "reason", reason, "hotline", hotline, "fee", fee)));
        }
    }

    private boolean firstTold(ProductOrder order) {
        return "OK".equals(redis.set(toldKey(order.id(), order.state()), "1",
                SetArgs.Builder.nx().px(KEPT.toMillis())));
    }

    /** "In progress" arriving after the order's end (events may come out of order) would only confuse. */
    private boolean lateProgress(ProductOrder order) {
        return order.state() == OrderState.IN_PROGRESS && Arrays.stream(OrderState.values())
                .filter(state -> !state.isOpen()).anyMatch(end -> redis.exists(toldKey(order.id(), end)) > 0);
    }

    private String toldKey(String orderId, OrderState state) {
        return keys.global("reissue:order:" + orderId + ":told:" + state.name());
    }

    private Optional<Watch> find(String orderId) {
        String stored = redis.get(keys.global("reissue:order:" + orderId));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, Watch.class));
        } catch (JsonProcessingException e) {
            log.error("order {}: unreadable record", orderId);
            return Optional.empty();
        }
    }

    private void store(String orderId, Watch watch) {
        try {
            redis.set(keys.global("reissue:order:" + orderId), json.writeValueAsString(watch),
                    SetArgs.Builder.px(KEPT.toMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outbound say(Watch watch, String text) {
        return new Outbound.Say(watch.chatId(), text, Keyboard.NONE);
    }

    private String t(Lang lang, String key, Object... namesAndValues) {
        return texts.get(lang, key, namesAndValues);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
