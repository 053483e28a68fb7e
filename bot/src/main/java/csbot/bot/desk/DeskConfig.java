package csbot.bot.desk;

import csbot.backend.AccountBackend;
import csbot.bot.send.Sender;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.handover.ChatHistory;
import csbot.dialogs.handover.Tickets;
import csbot.dialogs.store.ChatStore;
import csbot.dialogs.store.KeySpace;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;

/**
 * The agent desk, when an agents group is configured ({@code csbot.desk.agents-group-id}); without one, the engine
 * finds no {@link csbot.dialogs.engine.Handover} and a person means the hotline.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${csbot.desk.agents-group-id:0}' != '0'")
class DeskConfig {

    @Bean
    Tickets tickets(RedisClusterCommands<String, String> redis, KeySpace keys, DeskProperties properties) {
        return new Tickets(redis, keys, properties.retention());
    }

    @Bean
    ChatHistory chatHistory(RedisClusterCommands<String, String> redis, KeySpace keys) {
        return new ChatHistory(redis, keys);
    }

    @Bean
    DeskMetrics deskMetrics(MeterRegistry registry, Tickets tickets) {
        return new DeskMetrics(registry, tickets);
    }

    @Bean
    LinesReport linesReport(ChatStore store, AccountBackend backend, ChatHistory history, Clock clock) {
        return new LinesReport(store, backend, history, clock);
    }

    @Bean
    TopicOpener topicOpener(Tickets tickets, Sender sender, LinesReport lines, DeskProperties properties,
                            ObjectProvider<DialogEngine> engine, Clock clock) {
        return new TopicOpener(tickets, sender, lines, properties, engine, clock);
    }

    @Bean
    DeskTimeouts deskTimeouts(Tickets tickets, Sender sender, DeskProperties properties, DeskMetrics metrics,
                              Clock clock, TopicOpener opener, TaskScheduler scheduler) {
        DeskTimeouts timeouts = new DeskTimeouts(tickets, sender, properties, metrics, clock);
        scheduler.scheduleWithFixedDelay(() -> {
            opener.openDue();
            timeouts.run();
        }, properties.sweepEvery());
        return timeouts;
    }

    @Bean
    AgentTopic agentTopic(Tickets tickets, TelegramClient telegram, LinesReport lines, DeskProperties properties,
                          DeskMetrics metrics, Clock clock) {
        return new AgentTopic(tickets, new AgentMembership(telegram, properties.agentsGroupId(), clock), lines,
                properties, metrics, clock);
    }

    @Bean
    AgentDesk agentDesk(Tickets tickets, ChatHistory history, DeskProperties properties, TopicOpener opener,
                        AgentTopic agents, ObjectProvider<DialogEngine> engine, DeskMetrics metrics, Clock clock) {
        return new AgentDesk(tickets, history, properties, opener, agents, engine, metrics, clock);
    }
}
