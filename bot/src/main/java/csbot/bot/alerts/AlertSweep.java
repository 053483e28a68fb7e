package csbot.bot.alerts;

import csbot.backend.AccountBackend;
import csbot.backend.BackendFailure;
import csbot.backend.ExpiryApproaching;
import csbot.backend.LowBalance;
import csbot.backend.Money;
import csbot.backend.Quantity;
import csbot.dialogs.alerts.AlertSettings;
import csbot.dialogs.alerts.AlertSettingsStore;
import csbot.dialogs.lines.LineBalance;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.store.LuaScript;
import csbot.dialogs.validate.PhoneNumbers;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The schedule for backends that send no events: every line with alerts is checked every {@code sweep-every}, its
 * next check kept in a Redis sorted set ({@code alerts:{q}:sweep}, score = when). A check takes the due lines and
 * moves them to their next time in one script, so each check is done by exactly one instance however many run; new
 * lines start at a random point of the period, so checks are spread over it. A check reads the line's buckets and
 * warns as the backend would: 7, 3 and 1 days before expiry, and when the balance is first seen below the
 * currency's level, or a customer's own level for the line (not again while it stays low). Which reminders and
 * levels each chat chose is applied to its alert when dispatched. Alerts go through the same queue, so an event and a
 * check reporting the same thing make one alert.
 */
final class AlertSweep {

    private static final Logger log = LoggerFactory.getLogger(AlertSweep.class);
    private static final int PER_ROUND = 200;

    private static final LuaScript DUE = new LuaScript("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
            for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], m) end
            return due""", ScriptOutputType.MULTI);

    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final AccountBackend backend;
    private final AlertSettingsStore settings;
    private final AlertIntake intake;
    private final AlertProperties properties;
    private final Clock clock;

    AlertSweep(RedisClusterCommands<String, String> redis, KeySpace keys, AccountBackend backend,
               AlertSettingsStore settings, AlertIntake intake, AlertProperties properties, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.backend = backend;
        this.settings = settings;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    /** A line linked (again): checked first at a random point of the next period. */
    void schedule(String msisdn) {
        if (properties.sweepEvery().isZero()) {
            return;
        }
        long first = clock.millis() + ThreadLocalRandom.current().nextLong(properties.sweepEvery().toMillis() + 1);
        redis.zadd(schedule(), ZAddArgs.Builder.nx(), (double) first, msisdn);
    }

    @Scheduled(fixedDelayString = "${csbot.alerts.sweep-tick:1s}")
    void checkDueLines() {
        if (properties.sweepEvery().isZero()) {
            return;
        }
        try {
            long now = clock.millis();
            List<String> due = DUE.run(redis, new String[]{schedule()}, Long.toString(now),
                    Long.toString(now + properties.sweepEvery().toMillis()), Integer.toString(PER_ROUND));
            due.forEach(this::check);
        } catch (RedisException e) {
            log.warn("alert sweep: Redis failed ({}); the lines stay due", e.toString());
        }
    }

    private void check(String msisdn) {
        if (settings.chatsOf(msisdn).isEmpty()) {
            redis.zrem(schedule(), msisdn);
            return;
        }
        LineBalance line;
        try {
            line = LineBalance.of(msisdn, backend.buckets(msisdn));
        } catch (BackendFailure e) {
            log.info("alert sweep: {} not checked ({}), next period", PhoneNumbers.mask(msisdn),
                    e.getClass().getSimpleName());
            return;
        }
        if (line.money().isEmpty() || line.expiresAt().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        OffsetDateTime eventTime = now.atOffset(ZoneOffset.UTC);
        Quantity money = line.money().get();
        Money balance = new Money(money.amount(), money.units());
        OffsetDateTime expiry = line.expiresAt().get();
        OffsetDateTime recycle = expiry.plus(properties.recycleAfter());
        long daysLeft = line.daysLeft(now).orElseThrow();
        if (AlertSettings.REMINDER_DAYS.contains((int) daysLeft)) {
            intake.accept(new ExpiryApproaching("sweep:" + msisdn + ":" + expiry.toLocalDate() + ":" + daysLeft,
                    eventTime, msisdn, (int) daysLeft, balance, expiry, recycle));
        }
        Optional<BigDecimal> level = level(msisdn, money.units());
        String warnedLow = keys.global("alerts:{q}:swept-low:" + msisdn);
        if (level.isEmpty() || money.amount().compareTo(level.get()) >= 0) {
            redis.del(warnedLow);
            return;
        }
        if ("1".equals(redis.setGet(warnedLow, "1"))) {
            return; // low since an earlier check, which warned
        }
        intake.accept(new LowBalance("sweep:" + msisdn + ":" + now.toEpochMilli(), eventTime, msisdn, balance,
                new Money(level.get(), money.units()), expiry, recycle));
    }

    /**
     * The level to check the line against: the highest of the levels of the chats that linked it, each chat's own
     * level when set, else the configured one; each chat gets only the warnings below its own.
     */
    private Optional<BigDecimal> level(String msisdn, String currency) {
        Optional<BigDecimal> configured = Optional.ofNullable(properties.sweepLowBalance().get(currency));
        return settings.chatsOf(msisdn).stream()
                .map(chat -> settings.settings(chat).level(msisdn).filter(own -> own.currency().equals(currency))
                        .map(Money::amount).or(() -> configured))
                .flatMap(Optional::stream).max(BigDecimal::compareTo);
    }

    private String schedule() {
        return keys.global("alerts:{q}:sweep");
    }
}
