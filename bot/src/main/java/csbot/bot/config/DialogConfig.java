package csbot.bot.config;

import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.Handover;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.PaymentHandler;
import csbot.dialogs.store.ChatStore;
import csbot.dialogs.store.ChatTurns;
import csbot.dialogs.store.KeySpace;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** The conversation engine with every flow found on the class path, and its Redis store. */
@Configuration(proxyBeanMethods = false)
class DialogConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DialogEngine dialogEngine(List<Flow> flows, List<PaymentHandler> payments, List<Handover> handovers,
                              DialogProperties properties, Clock clock) {
        return new DialogEngine(flows, payments, handovers, properties.dialogSettings(), clock);
    }

    @Bean
    KeySpace keySpace(RedisProperties properties) {
        return new KeySpace(properties.keyPrefix());
    }

    @Bean
    ChatStore chatStore(RedisClusterCommands<String, String> redis, KeySpace keys, DialogProperties properties,
                        Clock clock) {
        return new ChatStore(redis, keys, properties.storeSettings(), new NonceSource(6), clock::millis);
    }

    @Bean
    ChatTurns chatTurns(ChatStore store, DialogProperties properties) {
        return new ChatTurns(store, properties.storeSettings());
    }
}
