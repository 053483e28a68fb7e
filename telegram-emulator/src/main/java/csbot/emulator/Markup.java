package csbot.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code reply_markup} parameter: an inline keyboard (kept on the message), or a reply keyboard or
 * its removal (kept on the chat). Rejects what Telegram rejects, so the bot's mistakes show in tests.
 */
record Markup(List<List<InlineButton>> inlineKeyboard, ReplyKeyboard replyKeyboard, JsonNode inlineJson) {

    static final Markup NONE = new Markup(List.of(), null, null);

    /** Telegram's limit on callback_data. */
    private static final int MAX_CALLBACK_DATA_BYTES = 64;

    static Markup parse(JsonNode markup) {
        if (markup == null || markup.isMissingNode() || markup.isNull()) {
            return NONE;
        }
        if (markup.isTextual()) {
            return parse(serialized(markup.asText()));  // Telegram also takes the object as a JSON string
        }
        if (!markup.isObject()) {
            throw ApiError.badRequest("can't parse reply keyboard markup JSON object").exception();
        }
        if (markup.has("inline_keyboard")) {
            // The message echoes the keyboard as sent, button kinds this class does not model included.
            return new Markup(inlineRows(markup.get("inline_keyboard")), null,
                    Json.object().set("inline_keyboard", markup.get("inline_keyboard").deepCopy()));
        }
        if (markup.has("keyboard")) {
            return new Markup(List.of(), replyKeyboard(markup), null);
        }
        if (markup.path("remove_keyboard").asBoolean(false)) {
            return new Markup(List.of(), ReplyKeyboard.removal(), null);
        }
        return NONE;
    }

    private static JsonNode serialized(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("can't parse reply keyboard markup JSON object").exception();
        }
    }

    private static List<List<InlineButton>> inlineRows(JsonNode rows) {
        List<List<InlineButton>> result = new ArrayList<>();
        for (JsonNode row : rows) {
            List<InlineButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                buttons.add(inlineButton(button));
            }
            result.add(buttons);
        }
        return result;
    }

    private static InlineButton inlineButton(JsonNode button) {
        String label = button.path("text").asText("");
        if (label.isEmpty()) {
            throw ApiError.badRequest("BUTTON_TEXT_INVALID").exception();
        }
        String data = button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null;
        String url = button.hasNonNull("url") ? button.get("url").asText() : null;
        if (data != null && (data.isEmpty()
                || data.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA_BYTES)) {
            throw ApiError.badRequest("BUTTON_DATA_INVALID").exception();
        }
        boolean otherKind = button.has("pay") || button.has("web_app") || button.has("login_url")
                || button.has("switch_inline_query") || button.has("switch_inline_query_current_chat")
                || button.has("copy_text") || button.has("callback_game");
        if (data == null && url == null && !otherKind) {
            throw ApiError.badRequest(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard").exception();
        }
        return new InlineButton(label, data, url);
    }

    private static ReplyKeyboard replyKeyboard(JsonNode markup) {
        List<List<ReplyButton>> rows = new ArrayList<>();
        for (JsonNode row : markup.get("keyboard")) {
            List<ReplyButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                // Telegram takes a bare string as a button with that text.
                String text = button.isTextual() ? button.asText() : button.path("text").asText("");
                if (text.isEmpty()) {
                    throw ApiError.badRequest("BUTTON_TEXT_INVALID").exception();
                }
                buttons.add(new ReplyButton(text, button.path("request_contact").asBoolean(false)));
            }
            rows.add(buttons);
        }
        return new ReplyKeyboard(rows, markup.path("is_persistent").asBoolean(false),
                markup.path("resize_keyboard").asBoolean(false), markup.path("one_time_keyboard").asBoolean(false),
                markup.hasNonNull("input_field_placeholder") ? markup.get("input_field_placeholder").asText() : null,
                false);
    }
}
