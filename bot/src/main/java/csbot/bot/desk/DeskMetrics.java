package csbot.bot.desk;

import csbot.dialogs.engine.HandoverReason;
import csbot.dialogs.handover.Tickets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Locale;

/**
 * What the support team's lead watches: tickets opened (by reason), taken, and how they ended, the wait until an
 * agent took a ticket, ratings, and the tickets waiting now (a Redis count per scrape).
 */
final class DeskMetrics {

    private final MeterRegistry registry;

    DeskMetrics(MeterRegistry registry, Tickets tickets) {
        this.registry = registry;
        Gauge.builder("csbot.desk.waiting", tickets, Tickets::waitingCount)
                .description("tickets waiting for an agent").register(registry);
    }

    void opened(HandoverReason reason) {
        registry.counter("csbot.desk.tickets", "event", "opened", "reason", reason.name().toLowerCase(Locale.ROOT)).increment();
    }

    void taken(Duration waited) {
        registry.counter("csbot.desk.tickets", "event", "taken", "reason", "").increment();
        registry.timer("csbot.desk.wait").record(waited);
    }

    /** {@code by}: agent, customer, agent_silent. */
    void ended(String by) {
        registry.counter("csbot.desk.tickets", "event", "closed_" + by, "reason", "").increment();
    }

    void reminded() {
        registry.counter("csbot.desk.tickets", "event", "reminded", "reason", "").increment();
    }

    void rated(int stars) {
        registry.summary("csbot.desk.rating").record(stars);
    }
}
