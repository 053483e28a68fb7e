package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something the web chat's user can do, posted to {@code /chat/api/<name>} with a JSON body that
 * names the user ({@code {"user":{"id","firstName","languageCode"}, …}}). Returns the JSON answer.
 */
@FunctionalInterface
interface PageAction {

    JsonNode perform(FakeUser user, JsonNode body);
}
