package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a Bot API call: planned faults first, then flood limits, then the method, and records it.
 * Methods nobody registered answer {@code true}, which is what most of Telegram's setters return.
 * Telegram matches method names case-insensitively and the telegrambots client sends them in lower
 * case, so a call is known by the name its method was registered with.
 */
final class BotApi {

    private static final Logger logger = LoggerFactory.getLogger(BotApi.class);

    /** What a call came to: a result or an error. */
    record Outcome(JsonNode result, ApiError error) {
    }

    private record Registered(String name, BotMethod method) {
    }

    /** By lower-case name. */
    private final ConcurrentHashMap<String, Registered> methods = new ConcurrentHashMap<>();
    private final FaultInjector faults;
    private final RateLimiter limiter;
    private final CallLog calls;

    BotApi(FaultInjector faults, RateLimiter limiter, CallLog callLog) {
        this.faults = faults;
        this.limiter = limiter;
        this.calls = callLog;
    }

    void register(String name, BotMethod method) {
        methods.put(name.toLowerCase(Locale.ROOT), new Registered(name, method));
    }

    /** The method registered under this name (any case), if any. */
    Optional<BotMethod> method(String name) {
        return Optional.ofNullable(methods.get(name.toLowerCase(Locale.ROOT))).map(Registered::method);
    }

    /** The registered spelling of a method name, e.g. sendMessage for sendmessage; unknown names as given. */
    String canonicalName(String method) {
        Registered registered = methods.get(method.toLowerCase(Locale.ROOT));
        return registered == null ? method : registered.name();
    }

    Outcome invoke(MethodCall call) {
        Instant time = Instant.now();
        Outcome outcome;
        try {
            outcome = new Outcome(run(call), null);
        } catch (BotApiException e) {
            outcome = new Outcome(null, e.error());
        } catch (RuntimeException e) {
            logger.warn("{} failed in the emulator", call.method(), e);
            outcome = new Outcome(null, new ApiError(500, "Internal Server Error: " + e, 0));
        }
        calls.add(new ApiCall(call.method(), call.params(), call.files(), time, outcome.result(), outcome.error()));
        return outcome;
    }

    private JsonNode run(MethodCall call) {
        faults.next(call.method()).ifPresent(error -> {
            throw error.exception();
        });
        limiter.acquire(call.method(), call.longParam("chat_id", 0));
        Registered registered = methods.get(call.method().toLowerCase(Locale.ROOT));
        return registered == null ? BooleanNode.TRUE : registered.method().handle(call);
    }
}
