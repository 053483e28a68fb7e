package csbot.bot.alerts;

import csbot.dialogs.validate.PhoneNumbers;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

import java.time.Clock;
import java.util.List;

/**
 * The operator's view of the alert queue on the actuator: {@code GET /actuator/alerts} — how many alerts wait and
 * the dead letters (masked number, kind, why); {@code POST /actuator/alerts} with {@code {"id": "<dead letter id>"}}
 * replays one, with {@code {}} all of them — each with a fresh validity window and a fresh count of attempts.
 */
@Endpoint(id = "alerts")
final class AlertsEndpoint {

    private static final int SHOWN = 500;

    record DeadLetterView(String id, long chatId, String line, String kind, String reason) {
    }

    record QueueView(long waiting, List<DeadLetterView> deadLetters) {
    }

    record Replayed(int replayed) {
    }

    private final RedisClusterCommands<String, String> redis;
    private final AlertQueue queue;
    private final AlertProperties properties;
    private final Clock clock;

    AlertsEndpoint(RedisClusterCommands<String, String> redis, AlertQueue queue, AlertProperties properties,
                   Clock clock) {
        this.redis = redis;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    @ReadOperation
    QueueView queue() {
        return new QueueView(queue.waiting(redis), queue.deadLetters(redis, SHOWN).stream()
                .map(dead -> new DeadLetterView(dead.id(), dead.alert().chatId(),
                        PhoneNumbers.mask(dead.alert().msisdn()), dead.alert().kind(), dead.reason()))
                .toList());
    }

    @WriteOperation
    Replayed replay(@Nullable String id) {
        int replayed = 0;
        for (AlertQueue.DeadLetter dead : queue.deadLetters(redis, Integer.MAX_VALUE)) {
            if ((id == null || id.equals(dead.id())) && queue.replay(redis, dead.id(),
                    dead.alert().replayed(clock.millis() + properties.validity().toMillis()))) {
                replayed++;
            }
        }
        return new Replayed(replayed);
    }
}
