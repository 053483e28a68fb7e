package csbot.dialogs.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisScriptingCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run by its SHA; after a Redis restart (script cache empty) the first call falls back to EVAL, which
 * loads it again.
 */
public final class LuaScript {

    private final String source;
    private final String sha;
    private final ScriptOutputType output;

    public LuaScript(String source, ScriptOutputType output) {
        this.source = source;
        this.output = output;
        this.sha = sha1(source);
    }

    public <T> T run(RedisScriptingCommands<String, String> redis, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, output, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, output, keys, args);
        }
    }

    private static String sha1(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
