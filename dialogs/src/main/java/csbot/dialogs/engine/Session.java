package csbot.dialogs.engine;

import java.util.Map;

/**
 * Where one chat is in its conversation; stored as versioned JSON, never holding a secret (no codes, no ID numbers:
 * only the outcome of a check).
 *
 * @param schema     JSON schema version, for migrations
 * @param flow       id of the flow in progress, "" when the chat is idle
 * @param state      the flow machine's state, "" when idle
 * @param vars       the flow's variables
 * @param nonce      changes whenever a flow starts or ends, so buttons of an older flow are recognised as stale
 * @param misses     consecutive messages the bot did not understand
 * @param touchedAt  epoch millis of the last update handled, for the idle timeout
 */
public record Session(int schema, String flow, String state, Map<String, String> vars, String nonce, int misses,
                      long touchedAt) {

    public static final int SCHEMA = 1;

    public Session {
        vars = Map.copyOf(vars);
    }

    public static Session idle(String nonce, long now) {
        return new Session(SCHEMA, "", "", Map.of(), nonce, 0, now);
    }

    public boolean inFlow() {
        return !flow.isEmpty();
    }

    public Session at(String flow, String state, Map<String, String> vars) {
        return new Session(schema, flow, state, vars, nonce, misses, touchedAt);
    }

    public Session withMisses(int misses) {
        return new Session(schema, flow, state, vars, nonce, misses, touchedAt);
    }

    public Session touchedAt(long now) {
        return new Session(schema, flow, state, vars, nonce, misses, now);
    }
}
