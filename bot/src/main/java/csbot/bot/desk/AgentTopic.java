package csbot.bot.desk;

import csbot.dialogs.handover.TextMask;
import csbot.dialogs.handover.Ticket;
import csbot.dialogs.handover.Tickets;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Origin;
import csbot.dialogs.io.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The agents' side: a message in a ticket's topic of the agents group. Commands (/take, /close, /reopen, /note,
 * /reply, /lines) act on the ticket; anything else an agent posts is copied to the customer (a waiting ticket is
 * then taken by that agent, as an agent answering is taking it). Only members of the group act; messages outside a
 * ticket's topic are not for the bot. Every change is a compare-and-set on the ticket, so two agents (or an agent
 * and a timeout) never both act on one state.
 */
final class AgentTopic {

    private static final Logger log = LoggerFactory.getLogger(AgentTopic.class);

    private final Tickets tickets;
    private final AgentMembership members;
    private final LinesReport lines;
    private final DeskProperties properties;
    private final Lang agentLang;
    private final DeskMetrics metrics;
    private final Clock clock;

    AgentTopic(Tickets tickets, AgentMembership members, LinesReport lines, DeskProperties properties,
               DeskMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.tickets = tickets;
        this.members = members;
        this.lines = lines;
        this.properties = properties;
        this.agentLang = Lang.fromTag(properties.agentLanguage());
        this.clock = clock;
    }

    List<Outbound> handle(Inbound inbound) {
        Origin origin = inbound.origin();
        if (origin.threadId() == 0 || inbound instanceof Inbound.Button) {
            return List.of();
        }
        Optional<Ticket> found = tickets.forTopic(origin.threadId());
        if (found.isEmpty()) {
            return List.of();
        }
        if (!members.isAgent(origin.userId())) {
            log.info("agents group: user {} is not a member, message in ticket #{} ignored", origin.userId(),
                    found.get().number());
            return List.of();
        }
        Ticket ticket = found.get();
        if (inbound instanceof Inbound.Command command) {
            return switch (command.name()) {
                case "take" -> take(ticket, origin);
                case "close" -> close(ticket, origin);
                case "reopen" -> reopen(ticket, origin);
                case "note" -> note(ticket, origin, command.args());
                case "reply" -> reply(ticket, origin, command.args().strip());
                case "lines" -> List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.lines",
                        "lines", lines.of(ticket.chatId(), agentLang))));
                default -> List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.commands")));
            };
        }
        return answer(ticket, origin, describe(inbound),
                new Outbound.Copy(ticket.chatId(), 0, origin.chatId(), origin.messageId()));
    }

    private List<Outbound> take(Ticket ticket, Origin agent) {
        if (!ticket.isOpen()) {
            return List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.isClosed")));
        }
        Optional<Ticket> taken = tickets.change(ticket.number(), current -> current.filter(Ticket::isOpen)
                .filter(t -> t.agentId() != agent.userId())
                .map(t -> t.assignedTo(agent.userId(), agent.firstName(), clock.millis())), this::dueAt);
        if (taken.isEmpty()) {
            return List.of();  // theirs already, or closed at this moment
        }
        return taken(taken.get());
    }

    private List<Outbound> taken(Ticket ticket) {
        log.info("ticket #{} taken by agent {}", ticket.number(), ticket.agentId());
        metrics.taken(Duration.ofMillis(Math.max(0, ticket.lastAgentAt() - ticket.createdAt())));
        tickets.record(ticket.number(), clock.instant(), "bot", "taken by " + ticket.agentName());
        Lang lang = Lang.fromTag(ticket.lang());
        return List.of(
                new Outbound.Say(ticket.chatId(), AgentDesk.TEXTS.get(lang, "taken", "agent", ticket.agentName()),
                        Keyboard.NONE),
                post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.taken", "agent", ticket.agentName())));
    }

    private List<Outbound> close(Ticket ticket, Origin agent) {
        Optional<Ticket> closed = tickets.change(ticket.number(), current -> current.filter(Ticket::isOpen)
                .map(t -> t.closed("agent", clock.millis())), this::dueAt);
        if (closed.isEmpty()) {
            return List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.isClosed")));
        }
        Ticket done = closed.get();
        String name = done.agentName().isEmpty() ? agent.firstName() : done.agentName();
        log.info("ticket #{} closed by agent {}", done.number(), agent.userId());
        metrics.ended("agent");
        tickets.record(done.number(), clock.instant(), "bot", "closed by " + agent.firstName());
        Lang lang = Lang.fromTag(done.lang());
        return List.of(
                new Outbound.Say(done.chatId(), AgentDesk.TEXTS.get(lang, "closed.rate", "agent", name,
                        "ticket", done.number()), AgentDesk.ratingKeyboard(done.number())),
                post(done, AgentDesk.TEXTS.get(agentLang, "topic.closed", "agent", agent.firstName())));
    }

    private List<Outbound> reopen(Ticket ticket, Origin agent) {
        if (ticket.isOpen()) {
            return List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.isOpen")));
        }
        Optional<Ticket> reopened = tickets.change(ticket.number(), current -> current
                .filter(t -> !t.isOpen())
                .map(t -> t.assignedTo(agent.userId(), agent.firstName(), clock.millis())), this::dueAt);
        if (reopened.isEmpty()) {
            long other = tickets.openFor(ticket.chatId()).map(Ticket::number).orElse(0L);
            return List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.reopen.conflict", "other", other)));
        }
        Ticket open = reopened.get();
        tickets.record(open.number(), clock.instant(), "bot", "reopened by " + agent.firstName());
        Lang lang = Lang.fromTag(open.lang());
        return List.of(
                new Outbound.Say(open.chatId(), AgentDesk.TEXTS.get(lang, "reopened", "agent", agent.firstName(),
                        "ticket", open.number()), Keyboard.NONE),
                post(open, AgentDesk.TEXTS.get(agentLang, "topic.reopened", "agent", agent.firstName())));
    }

    /** A note stays in the topic and the transcript; the customer never sees it. */
    private List<Outbound> note(Ticket ticket, Origin agent, String text) {
        tickets.record(ticket.number(), clock.instant(), "note " + agent.firstName(), TextMask.mask(text));
        return List.of();
    }

    private List<Outbound> reply(Ticket ticket, Origin agent, String name) {
        DeskProperties.CannedReply canned = properties.canned().get(name);
        if (canned == null) {
            return List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.reply.unknown", "name", name,
                    "names", String.join(", ", new TreeSet<>(properties.canned().keySet())))));
        }
        String text = Lang.fromTag(ticket.lang()) == Lang.ZH_CN ? canned.zh() : canned.en();
        List<Outbound> out = new ArrayList<>(answer(ticket, agent, text,
                new Outbound.Say(ticket.chatId(), text, Keyboard.NONE)));
        if (ticket.isOpen()) {
            out.add(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.reply.sent", "name", name)));
        }
        return out;
    }

    /** An agent writes to the customer: taking a waiting ticket, keeping a taken one alive. */
    private List<Outbound> answer(Ticket ticket, Origin agent, String said, Outbound toCustomer) {
        if (!ticket.isOpen()) {
            return List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.isClosed")));
        }
        long now = clock.millis();
        boolean takes = ticket.status() == Ticket.Status.WAITING;
        Optional<Ticket> stored = tickets.change(ticket.number(), current -> current.filter(Ticket::isOpen)
                .map(t -> t.status() == Ticket.Status.WAITING
                        ? t.assignedTo(agent.userId(), agent.firstName(), now) : t.agentWrote(now)), this::dueAt);
        if (stored.isEmpty()) {
            return List.of(post(ticket, AgentDesk.TEXTS.get(agentLang, "topic.isClosed")));
        }
        tickets.record(ticket.number(), clock.instant(), "agent " + agent.firstName(), TextMask.mask(said));
        List<Outbound> out = new ArrayList<>();
        if (takes && stored.get().status() == Ticket.Status.ASSIGNED) {
            out.addAll(taken(stored.get()));
        }
        out.add(toCustomer);
        return out;
    }

    /** When an open ticket must be looked at next: the waiting reminder, or the agent's silence. */
    Instant dueAt(Ticket ticket) {
        return DeskTimeouts.dueAt(ticket, properties);
    }

    private Outbound post(Ticket ticket, String text) {
        return new Outbound.TopicPost(properties.agentsGroupId(), ticket.threadId(), text);
    }

    private static String describe(Inbound inbound) {
        if (inbound instanceof Inbound.Text text) {
            return text.text();
        }
        if (inbound instanceof Inbound.Media media) {
            return "[" + media.kind().name().toLowerCase(Locale.ROOT) + "] " + media.caption();
        }
        return "[message]";
    }
}
