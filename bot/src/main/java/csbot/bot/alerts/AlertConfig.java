package csbot.bot.alerts;

import csbot.backend.AccountBackend;
import csbot.bot.send.TelegramMethods;
import csbot.dialogs.alerts.AlertSettingsStore;
import csbot.dialogs.store.KeySpace;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;

/** The alert queue, its intake from backend events, its dispatchers and its operator endpoint. */
@Configuration(proxyBeanMethods = false)
class AlertConfig {

    @Bean
    AlertSettingsStore alertSettingsStore(RedisClusterCommands<String, String> redis, KeySpace keys,
                                          AlertProperties properties) {
        return new AlertSettingsStore(redis, keys, properties.quietHours(), properties.sweepLowBalance());
    }

    @Bean
    AlertQueue alertQueue(KeySpace keys) {
        return new AlertQueue(keys);
    }

    @Bean
    AlertIntake alertIntake(RedisClusterCommands<String, String> redis, AlertQueue queue, AlertSettingsStore settings,
                            AlertProperties properties, MeterRegistry metrics) {
        return new AlertIntake(redis, queue, settings, properties, metrics);
    }

    @Bean
    @ConditionalOnProperty(name = "csbot.alerts.enabled", havingValue = "true", matchIfMissing = true)
    AlertDispatcher alertDispatcher(RedisClient client, KeySpace keys, AlertQueue queue, AlertSettingsStore settings,
                                    TelegramClient telegram, TelegramMethods methods, AlertProperties properties,
                                    Clock clock, MeterRegistry metrics) {
        SharedRate rate = new SharedRate(keys, properties.globalPerSecond(), properties.burst(),
                properties.perChatInterval());
        return new AlertDispatcher(client, queue, rate, settings, telegram, methods, properties, clock, metrics);
    }

    @Bean
    AlertSweep alertSweep(RedisClusterCommands<String, String> redis, KeySpace keys, AccountBackend backend,
                          AlertSettingsStore settings, AlertIntake intake, AlertProperties properties, Clock clock) {
        return new AlertSweep(redis, keys, backend, settings, intake, properties, clock);
    }

    @Bean
    AlertsEndpoint alertsEndpoint(RedisClusterCommands<String, String> redis, AlertQueue queue,
                                  AlertProperties properties, Clock clock) {
        return new AlertsEndpoint(redis, queue, properties, clock);
    }
}
