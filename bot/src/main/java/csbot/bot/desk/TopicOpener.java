package csbot.bot.desk;

import csbot.bot.send.Sender;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.handover.Ticket;
import csbot.dialogs.handover.Tickets;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Opens each new ticket's forum topic in the agents group and posts its context card, then the customer's messages
 * that came meanwhile. Runs outside the customer's turn (a topic may wait for the group's 20 messages a minute), right
 * after a handover and on every sweep; tickets are claimed with a lease, so one instance opens each topic and a topic
 * an instance failed to open is tried again.
 */
final class TopicOpener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicOpener.class);
    /** Long enough for a topic to wait its turn under the group limit. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Tickets tickets;
    private final Sender sender;
    private final LinesReport lines;
    private final DeskProperties properties;
    private final Lang agentLang;
    private final ObjectProvider<DialogEngine> engine;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "desk-topics");
        thread.setDaemon(true);
        return thread;
    });

    TopicOpener(Tickets tickets, Sender sender, LinesReport lines, DeskProperties properties,
                ObjectProvider<DialogEngine> engine, Clock clock) {
        this.tickets = tickets;
        this.engine = engine;
        this.sender = sender;
        this.lines = lines;
        this.properties = properties;
        this.agentLang = Lang.fromTag(properties.agentLanguage());
        this.clock = clock;
    }

    /** Opens due topics now, in the background. */
    void soon() {
        worker.execute(this::openDue);
    }

    void openDue() {
        try {
            for (long number : tickets.claimTopicsToOpen(clock.instant(), LEASE, 10)) {
                open(number);
            }
        } catch (RuntimeException e) {
            log.warn("agents group: opening topics failed, next sweep tries again: {}", e.toString());
        }
    }

    private void open(long number) {
        Optional<Ticket> found = tickets.find(number);
        if (found.isEmpty() || found.get().hasTopic() || !found.get().isOpen()) {
            tickets.noTopicNeeded(number);
            return;
        }
        Ticket ticket = found.get();
        ForumTopic topic;
        try {
            topic = sender.call(properties.agentsGroupId(), CreateForumTopic.builder()
                    .chatId(properties.agentsGroupId()).name(name(ticket)).build())
                    .get(LEASE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            log.warn("ticket #{}: topic not opened ({}), tried again later", number, e.toString());
            return;
        }
        Optional<List<Integer>> held = tickets.topicOpened(number, topic.getMessageThreadId());
        if (held.isEmpty()) {
            log.warn("ticket #{}: another instance opened its topic first; topic {} stays unused", number,
                    topic.getMessageThreadId());
            return;
        }
        log.info("ticket #{}: topic {} opened", number, topic.getMessageThreadId());
        int thread = topic.getMessageThreadId();
        List<Outbound> out = new ArrayList<>();
        out.add(new Outbound.TopicPost(properties.agentsGroupId(), thread, card(ticket)));
        for (int messageId : held.get()) {
            out.add(new Outbound.Copy(properties.agentsGroupId(), thread, ticket.chatId(), messageId));
        }
        sender.send(out);
    }

    /** "#12 Wei +44 •••• 3123": what agents see in the topic list. */
    static String name(Ticket ticket) {
        String name = ("#" + ticket.number() + " " + ticket.firstName() + " " + ticket.maskedLine()).strip();
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    String card(Ticket ticket) {
        String flow = ticket.lastFlow().isEmpty() ? AgentDesk.TEXTS.get(agentLang, "card.noFlow")
                : flowLabel(ticket.lastFlow()) + " / " + ticket.lastStep();
        return AgentDesk.TEXTS.get(agentLang, "card",
                "ticket", ticket.number(),
                "name", ticket.firstName(),
                "reason", AgentDesk.TEXTS.get(agentLang, "reason." + ticket.reason().name()),
                "lang", ticket.lang(),
                "flow", flow,
                "lines", lines.of(ticket.chatId(), agentLang),
                "history", lines.lastMessages(ticket.chatId(), agentLang));
    }

    /** The flow as customers see it in the menu ("💰 Balance"), else its id. */
    private String flowLabel(String flowId) {
        return engine.getObject().flows().stream().filter(f -> f.id().equals(flowId) && f.texts().has("menu.label"))
                .findFirst().map(f -> f.texts().get(agentLang, "menu.label")).orElse(flowId);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
