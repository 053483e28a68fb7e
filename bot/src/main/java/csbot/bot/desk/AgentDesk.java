package csbot.bot.desk;

import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.engine.Handover;
import csbot.dialogs.engine.HandoverReason;
import csbot.dialogs.engine.Session;
import csbot.dialogs.handover.BusinessHours;
import csbot.dialogs.handover.ChatHistory;
import csbot.dialogs.handover.TextMask;
import csbot.dialogs.handover.Ticket;
import csbot.dialogs.handover.Tickets;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Origin;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.validate.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer's side of the agent desk. {@link #handover} opens a ticket (the engine calls it for /agent, the
 * keywords and the "talk to a person" buttons); while the ticket is open {@link #customerTurn} takes every message
 * instead of the bot: copies it into the ticket's topic (or holds it until the topic exists), lets /cancel leave, and
 * answers taps with where the customer stands. After closing it takes the rating and its comment. The agents' side is
 * {@link AgentTopic}.
 */
public final class AgentDesk implements Handover {

    static final Texts TEXTS = Texts.load("csbot/dialogs/handover/texts");
    static final String RATE_PREFIX = "desk:rate:";
    private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

    private final Tickets tickets;
    private final ChatHistory history;
    private final DeskProperties properties;
    private final BusinessHours hours;
    private final TopicOpener opener;
    private final AgentTopic agents;
    private final ObjectProvider<DialogEngine> engine;
    private final DeskMetrics metrics;
    private final Clock clock;

    AgentDesk(Tickets tickets, ChatHistory history, DeskProperties properties, TopicOpener opener, AgentTopic agents,
              ObjectProvider<DialogEngine> engine, DeskMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.tickets = tickets;
        this.history = history;
        this.properties = properties;
        this.hours = properties.businessHours();
        this.opener = opener;
        this.agents = agents;
        this.engine = engine;
        this.clock = clock;
    }

    public boolean isAgentsGroup(long chatId) {
        return chatId == properties.agentsGroupId();
    }

    /** A message in the agents group: see {@link AgentTopic}. */
    public Conversation.Turned agentTurn(Conversation group, Inbound inbound) {
        return new Conversation.Turned(group.session(), group.profile(), agents.handle(inbound));
    }

    @Override
    public List<Outbound> handover(Inbound inbound, Conversation before, Lang lang, HandoverReason reason) {
        long chatId = inbound.origin().chatId();
        Instant now = clock.instant();
        Session session = before.session();
        String line = before.profile().lines().isEmpty() ? ""
                : PhoneNumbers.mask(before.profile().lines().get(0).msisdn());
        Ticket draft = new Ticket(0, chatId, inbound.origin().firstName(), lang.tag(), line, reason, session.flow(),
                session.state(), Ticket.Status.WAITING, 0, 0, "", now.toEpochMilli(), 0, 0, false, 0, "", "", 0);
        Tickets.Opened opened = tickets.open(draft, now.plus(properties.waitingReminderAfter()), now);
        Ticket ticket = opened.ticket();
        if (!opened.isNew()) {
            return List.of(say(chatId, whereTheyStand(ticket, lang)));
        }
        log.info("chat {}: ticket #{} opened ({})", chatId, ticket.number(), reason);
        metrics.opened(reason);
        tickets.record(ticket.number(), now, "bot", "handover: " + reason.name());
        opener.soon();
        String text = hours.isOpen(now)
                ? TEXTS.get(lang, "queue.online", "ticket", ticket.number(), "position",
                tickets.position(ticket.number()))
                : TEXTS.get(lang, "queue.offline", "ticket", ticket.number(), "opens",
                opening(lang, hours.nextOpening(now)));
        return List.of(say(chatId, text));
    }

    /**
     * The customer's update, if the desk takes it: while their ticket is open (the bot stays silent), a rating tap, or
     * the comment after a rating. Payments always go to the bot: money is never held up by a conversation.
     */
    public Optional<Conversation.Turned> customerTurn(Conversation conversation, Inbound inbound) {
        if (inbound instanceof Inbound.PaymentDone || inbound instanceof Inbound.PreCheckout) {
            return Optional.empty();
        }
        long chatId = inbound.origin().chatId();
        Lang lang = conversation.profile().langFor(inbound.origin());
        if (inbound instanceof Inbound.Button button && button.data().startsWith(RATE_PREFIX)) {
            return turned(conversation, rate(button, lang));
        }
        Tickets.Standing standing = tickets.standing(chatId);
        if (standing instanceof Tickets.AwaitingComment && inbound instanceof Inbound.Text text) {
            return turned(conversation, comment(chatId, text.text(), lang));
        }
        if (!(standing instanceof Tickets.InTicket open)) {
            return Optional.empty();
        }
        Ticket ticket = open.ticket();
        if (inbound instanceof Inbound.Command command && command.name().equals("cancel")) {
            return turned(conversation, leave(ticket, lang));
        }
        if (inbound instanceof Inbound.Command command && command.name().equals("agent")) {
            return turned(conversation, List.of(say(chatId, whereTheyStand(ticket, lang))));
        }
        if (inbound instanceof Inbound.Button button) {
            return turned(conversation, List.of(new Outbound.AnswerCallback(chatId, button.callbackId(),
                    TEXTS.get(lang, "button.in.ticket"), false)));
        }
        return turned(conversation, relay(ticket, inbound));
    }

    /** Keeps the conversation's last messages for the context card: what the customer did and what the bot said. */
    public void remember(Inbound inbound, List<Outbound> out) {
        List<String> lines = new ArrayList<>();
        describe(inbound).ifPresent(said -> lines.add("👤 " + said));
        for (Outbound o : out) {
            if (o instanceof Outbound.Say say && o.chatId() == inbound.origin().chatId()) {
                lines.add("🤖 " + say.text());
            }
        }
        history.add(inbound.origin().chatId(), lines);
    }

    // ---- while a ticket is open

    private List<Outbound> relay(Ticket ticket, Inbound inbound) {
        Origin origin = inbound.origin();
        describe(inbound).ifPresent(said -> {
            tickets.record(ticket.number(), clock.instant(), "customer", TextMask.mask(said));
            history.add(origin.chatId(), List.of("👤 " + said));
        });
        if (origin.messageId() == 0) {
            return List.of();
        }
        int thread = tickets.topicOrHold(ticket.number(), origin.messageId());
        if (thread <= 0) {
            return List.of(); // held: copied in right after the context card
        }
        return List.of(new Outbound.Copy(properties.agentsGroupId(), thread, origin.chatId(), origin.messageId()));
    }

    private List<Outbound> leave(Ticket ticket, Lang lang) {
        long chatId = ticket.chatId();
        boolean wasTaken = ticket.status() == Ticket.Status.ASSIGNED;
        Optional<Ticket> closed = tickets.change(ticket.number(),
                current -> current.filter(Ticket::isOpen).map(t -> t.closed("customer", clock.millis())),
                t -> null);
        List<Outbound> out = new ArrayList<>();
        if (closed.isEmpty()) {
            return out; // an agent closed it at the same moment: their message says so
        }
        log.info("chat {}: left ticket #{}", chatId, ticket.number());
        metrics.ended("customer");
        tickets.record(ticket.number(), clock.instant(), "customer", "/cancel");
        out.add(new Outbound.Say(chatId, TEXTS.get(lang, wasTaken ? "ended.by.customer" : "left.queue"),
                engine.getObject().menu().replyKeyboard(lang)));
        if (closed.get().hasTopic()) {
            out.add(new Outbound.TopicPost(properties.agentsGroupId(), closed.get().threadId(),
                    TEXTS.get(agentLang(), "topic.customer.left")));
        }
        return out;
    }

    private String whereTheyStand(Ticket ticket, Lang lang) {
        return ticket.status() == Ticket.Status.ASSIGNED
                ? TEXTS.get(lang, "queue.talking", "agent", ticket.agentName(), "ticket", ticket.number())
                : TEXTS.get(lang, "queue.again", "ticket", ticket.number(), "position",
                tickets.position(ticket.number()));
    }

    // ---- after closing

    private List<Outbound> rate(Inbound.Button button, Lang lang) {
        long chatId = button.origin().chatId();
        String[] parts = button.data().substring(RATE_PREFIX.length()).split(":");
        Optional<Ticket> rated = Optional.empty();
        if (parts.length == 2 && parts[0].matches("\\d{1,12}") && parts[1].matches("[1-5]")) {
            int stars = Integer.parseInt(parts[1]);
            rated = tickets.change(Long.parseLong(parts[0]), current -> current
                    .filter(t -> t.chatId() == chatId && t.status() == Ticket.Status.CLOSED && t.rating() == 0)
                    .map(t -> t.rated(stars)), t -> null);
        }
        if (rated.isEmpty()) {
            // forged, someone else's, already rated, or reopened meanwhile
            return List.of(new Outbound.AnswerCallback(chatId, button.callbackId(), TEXTS.get(lang, "rate.stale"),
                    false));
        }
        Ticket ticket = rated.get();
        metrics.rated(ticket.rating());
        tickets.record(ticket.number(), clock.instant(), "customer", "rating " + ticket.rating());
        tickets.awaitComment(chatId, ticket.number(), properties.commentWindow());
        List<Outbound> out = new ArrayList<>();
        out.add(new Outbound.AnswerCallback(chatId, button.callbackId(), "", false));
        out.add(new Outbound.Edit(chatId, button.messageId(), TEXTS.get(lang, "rate.thanks", "stars",
                stars(ticket.rating())), Keyboard.Inline.empty()));
        if (ticket.hasTopic()) {
            out.add(new Outbound.TopicPost(properties.agentsGroupId(), ticket.threadId(), TEXTS.get(agentLang(),
                    "topic.rating", "stars", stars(ticket.rating()), "rating", ticket.rating())));
        }
        return out;
    }

    private List<Outbound> comment(long chatId, String text, Lang lang) {
        Optional<Long> number = tickets.takeCommentWait(chatId);
        String masked = TextMask.mask(text.strip());
        Optional<Ticket> commented = number.flatMap(n -> tickets.change(n, current -> current
                .filter(t -> t.chatId() == chatId && t.comment().isEmpty()).map(t -> t.withComment(masked)),
                t -> null));
        if (commented.isEmpty()) {
            return List.of(); // the wait just ended elsewhere; nothing to say twice
        }
        tickets.record(commented.get().number(), clock.instant(), "customer", "comment: " + masked);
        List<Outbound> out = new ArrayList<>();
        out.add(say(chatId, TEXTS.get(lang, "comment.thanks")));
        if (commented.get().hasTopic()) {
            out.add(new Outbound.TopicPost(properties.agentsGroupId(), commented.get().threadId(),
                    TEXTS.get(agentLang(), "topic.comment", "comment", masked)));
        }
        return out;
    }

    /** The rating question sent when an agent closes a ticket. */
    static Keyboard.Inline ratingKeyboard(long ticket) {
        List<Keyboard.Inline.Button> row = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            row.add(Keyboard.Inline.Button.callback(stars + "⭐", RATE_PREFIX + ticket + ":" + stars));
        }
        return Keyboard.Inline.of(List.of(row));
    }

    static String stars(int rating) {
        return "⭐".repeat(rating);
    }

    // ---- helpers

    private Lang agentLang() {
        return Lang.fromTag(properties.agentLanguage());
    }

    private static String opening(Lang lang, ZonedDateTime at) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(lang == Lang.ZH_CN ? "M月d日 EEEE HH:mm" : "EEEE d MMM, HH:mm",
                lang.locale());
        return at.format(format) + " (" + at.getZone().getId() + ")";
    }

    /** What a person sees of a customer's message, unmasked (callers mask what they keep). */
    private static Optional<String> describe(Inbound inbound) {
        if (inbound instanceof Inbound.Text text) {
            return Optional.of(text.text());
        }
        if (inbound instanceof Inbound.Command command) {
            return Optional.of("/" + command.name() + (command.args().isEmpty() ? "" : " " + command.args()));
        }
        if (inbound instanceof Inbound.Media media) {
            return Optional.of("[" + media.kind().name().toLowerCase(Locale.ROOT) + "]"
                    + (media.caption().isEmpty() ? "" : " " + media.caption()));
        }
        if (inbound instanceof Inbound.ContactShared) {
            return Optional.of("[contact]");
        }
        return Optional.empty();
    }

    private static Outbound say(long chatId, String text) {
        return new Outbound.Say(chatId, text, Keyboard.NONE);
    }

    private static Optional<Conversation.Turned> turned(Conversation conversation, List<Outbound> out) {
        return Optional.of(new Conversation.Turned(conversation.session(), conversation.profile(), out));
    }
}
