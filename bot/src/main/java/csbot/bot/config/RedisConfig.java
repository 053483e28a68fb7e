package csbot.bot.config;

import csbot.bot.demo.DemoRedis;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * One Lettuce connection, shared by all threads (Lettuce pipelines their commands). When Redis goes away commands
 * fail at once instead of piling up, and the connection comes back by itself within seconds of Redis returning —
 * the gate retries the updates that failed meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources() {
        return ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2,
                        java.util.concurrent.TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(ClientResources resources, RedisProperties properties, ObjectProvider<DemoRedis> demo) {
        demo.ifAvailable(DemoRedis::ensureRunning);
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.commandTimeout());
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
                .build());
        return client;
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }

    @Bean
    RedisClusterCommands<String, String> redis(StatefulRedisConnection<String, String> connection) {
        return connection.sync();
    }
}
