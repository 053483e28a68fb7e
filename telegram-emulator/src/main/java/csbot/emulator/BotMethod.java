package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Bot API method: returns the {@code result} of a successful call, or throws
 * {@link BotApiException} for an error. Called concurrently from many HTTP threads.
 */
@FunctionalInterface
public interface BotMethod {

    JsonNode handle(MethodCall call);
}
