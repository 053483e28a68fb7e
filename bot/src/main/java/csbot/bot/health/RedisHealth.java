package csbot.bot.health;

import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Redis holds every conversation: without it no update can be handled (they wait to be delivered again), so the
 * instance reports itself down and a load balancer stops sending it webhooks.
 */
@Component("redisHealthIndicator")
public final class RedisHealth implements HealthIndicator {

    private final RedisClusterCommands<String, String> redis;

    public RedisHealth(RedisClusterCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            return "PONG".equals(redis.ping()) ? Health.up().build() : Health.down().build();
        } catch (RedisException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
