package csbot.dialogs.alerts;

import csbot.backend.Money;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.store.KeySpace;
import csbot.dialogs.validate.PhoneNumbers;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where alert preferences live in Redis: a hash per chat ({@code {chat:<id>}:alerts}: {@code muted:<msisdn>},
 * {@code days:<msisdn>} (the reminder days chosen, e.g. {@code 7,1}), {@code level:<msisdn>} (the customer's own
 * low-balance level, e.g. {@code 2.00 GBP}), {@code quiet}, {@code zone}, {@code lang}, {@code blocked}) and, to find who to warn about a line, a set per line
 * of the chats that linked it ({@code alerts:line:<msisdn>}). Kept apart from the profile so the dispatchers, which
 * run outside any chat's turn, can mark a chat blocked without racing the chat's own turns.
 */
public final class AlertSettingsStore {

    /** Time zone by the number's country, for quiet hours until the customer picks one; several-zone countries get their most populous. */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("GB", "Europe/London"), Map.entry("HK", "Asia/Hong_Kong"), Map.entry("CN", "Asia/Shanghai"),
            Map.entry("MO", "Asia/Macau"), Map.entry("TW", "Asia/Taipei"), Map.entry("SG", "Asia/Singapore"),
            Map.entry("MY", "Asia/Kuala_Lumpur"), Map.entry("JP", "Asia/Tokyo"), Map.entry("KR", "Asia/Seoul"),
            Map.entry("TH", "Asia/Bangkok"), Map.entry("AU", "Australia/Sydney"), Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("US", "America/New_York"), Map.entry("CA", "America/Toronto"), Map.entry("FR", "Europe/Paris"),
            Map.entry("DE", "Europe/Berlin"), Map.entry("IE", "Europe/Dublin"), Map.entry("ES", "Europe/Madrid"),
            Map.entry("IT", "Europe/Rome"), Map.entry("NL", "Europe/Amsterdam"), Map.entry("AE", "Asia/Dubai"));
    /** The service's home (its support hours are in UTC+8). */
    private static final ZoneId FALLBACK_ZONE = ZoneId.of("Asia/Shanghai");

    private final RedisClusterCommands<String, String> redis;
    private final KeySpace keys;
    private final QuietHours defaultQuiet;
    private final Map<String, BigDecimal> backendLevels;

    /**
     * @param defaultQuiet  the quiet hours of a customer who has not chosen any
     * @param backendLevels per currency, the balance below which the backend warns (shown to customers as the default)
     */
    public AlertSettingsStore(RedisClusterCommands<String, String> redis, KeySpace keys, QuietHours defaultQuiet,
                              Map<String, BigDecimal> backendLevels) {
        this.redis = redis;
        this.keys = keys;
        this.defaultQuiet = defaultQuiet;
        this.backendLevels = Map.copyOf(backendLevels);
    }

    /** The balance below which the backend warns about a line in {@code currency}, when configured. */
    public Optional<Money> backendLevel(String currency) {
        return Optional.ofNullable(backendLevels.get(currency)).map(amount -> new Money(amount, currency));
    }

    public static ZoneId defaultZone(String msisdn) {
        return PhoneNumbers.regionOf(msisdn).map(ZONES::get).map(ZoneId::of).orElse(FALLBACK_ZONE);
    }

    public AlertSettings settings(long chatId) {
        Map<String, String> hash = redis.hgetall(chatKey(chatId));
        Set<String> muted = new HashSet<>();
        hash.keySet().stream().filter(k -> k.startsWith("muted:")).forEach(k -> muted.add(k.substring(6)));
        Map<String, Set<Integer>> days = new HashMap<>();
        Map<String, Money> levels = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith("days:")) {
                days.put(field.substring(5), Arrays.stream(value.split(",")).filter(day -> !day.isEmpty())
                        .map(Integer::valueOf).collect(Collectors.toSet()));
            } else if (field.startsWith("level:")) {
                String[] level = value.split(" ");
                levels.put(field.substring(6), new Money(new BigDecimal(level[0]), level[1]));
            }
        });
        QuietHours quiet = QuietHours.parse(hash.getOrDefault("quiet", "")).orElse(defaultQuiet);
        ZoneId zone = hash.containsKey("zone") ? ZoneId.of(hash.get("zone")) : FALLBACK_ZONE;
        return new AlertSettings(muted, days, levels, quiet, zone, hash.getOrDefault("lang", Lang.ZH_CN.tag()),
                hash.containsKey("blocked"));
    }

    /** The chats to warn about a line. */
    public List<Long> chatsOf(String msisdn) {
        return redis.smembers(lineKey(msisdn)).stream().map(Long::valueOf).sorted().toList();
    }

    /**
     * A line just linked: its alerts are on (also after a block, since the customer is talking to the bot again),
     * and the chat's time zone is the number's country's unless one was chosen.
     */
    public void linked(long chatId, String msisdn, Lang lang) {
        redis.sadd(lineKey(msisdn), Long.toString(chatId));
        redis.hsetnx(chatKey(chatId), "zone", defaultZone(msisdn).getId());
        redis.hset(chatKey(chatId), "lang", lang.tag());
        redis.hdel(chatKey(chatId), "muted:" + msisdn, "blocked");
    }

    public void language(long chatId, Lang lang) {
        redis.hset(chatKey(chatId), "lang", lang.tag());
    }

    /** On again for the line; a chat marked blocked is unblocked, since the customer is talking to the bot. */
    public void unmute(long chatId, String msisdn) {
        redis.hdel(chatKey(chatId), "muted:" + msisdn, "blocked");
    }

    public void mute(long chatId, String msisdn) {
        redis.hset(chatKey(chatId), "muted:" + msisdn, "1");
    }

    /** The days before expiry the line is reminded on (possibly none). */
    public void reminderDays(long chatId, String msisdn, Set<Integer> days) {
        redis.hset(chatKey(chatId), "days:" + msisdn,
                days.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** The customer's own low-balance level for the line. */
    public void level(long chatId, String msisdn, Money level) {
        redis.hset(chatKey(chatId), "level:" + msisdn, level.amount().toPlainString() + " " + level.currency());
    }

    /** Back to the backend's low-balance level for the line. */
    public void backendLevel(long chatId, String msisdn) {
        redis.hdel(chatKey(chatId), "level:" + msisdn);
    }

    public void quiet(long chatId, QuietHours quiet) {
        redis.hset(chatKey(chatId), "quiet", quiet.code());
    }

    public void zone(long chatId, ZoneId zone) {
        redis.hset(chatKey(chatId), "zone", zone.getId());
    }

    /** Telegram said the customer blocked the bot: no more alerts until they turn them on again. */
    public void blocked(long chatId) {
        redis.hset(chatKey(chatId), "blocked", "1");
    }

    private String chatKey(long chatId) {
        return keys.chatKey(chatId, "alerts");
    }

    private String lineKey(String msisdn) {
        return keys.global("alerts:line:" + msisdn);
    }
}
