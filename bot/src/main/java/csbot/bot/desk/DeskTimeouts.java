package csbot.bot.desk;

import csbot.bot.send.Sender;
import csbot.dialogs.handover.Ticket;
import csbot.dialogs.handover.Tickets;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The desk's clock: a waiting ticket nobody took gets one reminder (the customer: still waiting, leave a message; the
 * topic: a ping); a taken ticket whose agent has not written for the silence timeout goes back to the bot. Due tickets
 * are claimed with a lease and every change is a compare-and-set, so with several instances each happens once.
 */
final class DeskTimeouts {

    private static final Logger log = LoggerFactory.getLogger(DeskTimeouts.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Tickets tickets;
    private final Sender sender;
    private final DeskProperties properties;
    private final Lang agentLang;
    private final DeskMetrics metrics;
    private final Clock clock;

    DeskTimeouts(Tickets tickets, Sender sender, DeskProperties properties, DeskMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.tickets = tickets;
        this.sender = sender;
        this.properties = properties;
        this.agentLang = Lang.fromTag(properties.agentLanguage());
        this.clock = clock;
    }

    /** When an open ticket must be looked at next; null when never (closed, or waiting and reminded already). */
    static Instant dueAt(Ticket ticket, DeskProperties properties) {
        if (ticket.status() == Ticket.Status.WAITING && !ticket.pinged()) {
            return Instant.ofEpochMilli(ticket.createdAt()).plus(properties.waitingReminderAfter());
        }
        if (ticket.status() == Ticket.Status.ASSIGNED) {
            return Instant.ofEpochMilli(ticket.lastAgentAt()).plus(properties.agentSilenceTimeout());
        }
        return null;
    }

    void run() {
        try {
            for (long number : tickets.claimDue(clock.instant(), LEASE, 20)) {
                tickets.find(number).ifPresent(this::lookAt);
            }
        } catch (RuntimeException e) {
            log.warn("agent desk: timeouts not looked at ({}), next sweep tries again", e.toString());
        }
    }

    private void lookAt(Ticket ticket) {
        Instant now = clock.instant();
        Instant due = dueAt(ticket, properties);
        if (due == null || due.isAfter(now)) {
            // changed since it was due: its own time stands
            tickets.change(ticket.number(), current -> current, t -> dueAt(t, properties));
            return;
        }
        if (ticket.status() == Ticket.Status.WAITING) {
            remind(ticket);
        } else if (ticket.status() == Ticket.Status.ASSIGNED) {
            backToBot(ticket);
        }
    }

    private void remind(Ticket ticket) {
        Optional<Ticket> pinged = tickets.change(ticket.number(), current -> current
                .filter(t -> t.status() == Ticket.Status.WAITING && !t.pinged()).map(Ticket::withPinged),
                t -> dueAt(t, properties));
        if (pinged.isEmpty()) {
            return;
        }
        Lang lang = Lang.fromTag(ticket.lang());
        List<Outbound> out = new ArrayList<>();
        out.add(new Outbound.Say(ticket.chatId(), AgentDesk.TEXTS.get(lang, "waiting.reminder",
                "position", tickets.position(ticket.number())), Keyboard.NONE));
        if (pinged.get().hasTopic()) {
            out.add(new Outbound.TopicPost(properties.agentsGroupId(), pinged.get().threadId(),
                    AgentDesk.TEXTS.get(agentLang, "topic.ping", "minutes", minutes(properties.waitingReminderAfter()))));
        }
        log.info("ticket #{}: still waiting, customer reminded", ticket.number());
        metrics.reminded();
        sender.send(out);
    }

    private void backToBot(Ticket ticket) {
        Optional<Ticket> closed = tickets.change(ticket.number(), current -> current
                .filter(t -> t.status() == Ticket.Status.ASSIGNED && t.lastAgentAt() == ticket.lastAgentAt())
                .map(t -> t.closed("agent_silent", clock.millis())), t -> null);
        if (closed.isEmpty()) {
            return;
        }
        tickets.record(ticket.number(), clock.instant(), "bot", "back to the bot: agent silent");
        Lang lang = Lang.fromTag(ticket.lang());
        List<Outbound> out = new ArrayList<>();
        out.add(new Outbound.Say(ticket.chatId(), AgentDesk.TEXTS.get(lang, "silent.back"), Keyboard.NONE));
        if (closed.get().hasTopic()) {
            out.add(new Outbound.TopicPost(properties.agentsGroupId(), closed.get().threadId(),
                    AgentDesk.TEXTS.get(agentLang, "topic.silent", "minutes",
                            minutes(properties.agentSilenceTimeout()))));
        }
        log.info("ticket #{}: agent silent, back to the bot", ticket.number());
        metrics.ended("agent_silent");
        sender.send(out);
    }

    /** Whole minutes, at least 1 (tests run with seconds). */
    private static long minutes(Duration duration) {
        return Math.max(1, duration.toMinutes());
    }
}
