package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text as Telegram stores it: plain text plus entities. With {@code parse_mode=HTML} the
 * tags become entities and are gone from the text, as a bot reading its own message back would see;
 * other parse modes keep the text as sent. Offsets count UTF-16 units, as Java strings and Telegram do.
 */
record FormattedText(String text, ArrayNode entities) {

    private static final Map<String, String> HTML_TAGS = Map.ofEntries(
            Map.entry("b", "bold"), Map.entry("strong", "bold"), Map.entry("i", "italic"), Map.entry("em", "italic"),
            Map.entry("u", "underline"), Map.entry("ins", "underline"), Map.entry("s", "strikethrough"),
            Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"), Map.entry("code", "code"),
            Map.entry("pre", "pre"), Map.entry("a", "text_link"), Map.entry("tg-spoiler", "spoiler"),
            Map.entry("blockquote", "blockquote"));

    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern CHAR_REFERENCE = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot);");

    static FormattedText of(String raw, String parseMode, JsonNode explicitEntities) {
        if (parseMode != null && parseMode.equalsIgnoreCase("HTML")) {
            return parseHtml(raw);
        }
        ArrayNode entities = explicitEntities != null && explicitEntities.isArray()
                ? ((ArrayNode) explicitEntities).deepCopy() : Json.array();
        return new FormattedText(raw, entities);
    }

    private record OpenTag(String name, String type, int offset, String url) {
    }

    private static FormattedText parseHtml(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        Deque<OpenTag> open = new ArrayDeque<>();
        List<ObjectNode> entities = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '<') {
                int end = raw.indexOf('>', i);
                if (end < 0) {
                    throw unparsable("Unclosed start tag at byte offset " + i);
                }
                handleTag(raw.substring(i + 1, end).trim(), i, text.length(), open, entities);
                i = end + 1;
            } else if (c == '&') {
                Matcher ref = CHAR_REFERENCE.matcher(raw).region(i, raw.length());
                if (ref.lookingAt()) {
                    text.append(decode(ref.group(1)));
                    i = ref.end();
                } else {
                    text.append(c);
                    i++;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw unparsable("Can't find end tag corresponding to start tag \"" + open.peek().name() + "\"");
        }
        entities.sort(Comparator.comparingInt(e -> e.get("offset").asInt()));
        ArrayNode array = Json.array();
        entities.forEach(array::add);
        return new FormattedText(text.toString(), array);
    }

    private static void handleTag(String tag, int position, int textOffset, Deque<OpenTag> open,
                                  List<ObjectNode> entities) {
        if (tag.startsWith("/")) {
            String name = tag.substring(1).trim().toLowerCase(Locale.ROOT);
            OpenTag start = open.poll();
            if (start == null || !start.name().equals(name)) {
                throw unparsable("Unmatched end tag at byte offset " + position + ", expected \"</"
                        + (start == null ? "" : start.name()) + ">\", found \"</" + name + ">\"");
            }
            if (textOffset > start.offset()) {
                ObjectNode entity = Json.object().put("type", start.type()).put("offset", start.offset())
                        .put("length", textOffset - start.offset());
                if (start.url() != null) {
                    entity.put("url", start.url());
                }
                entities.add(entity);
            }
            return;
        }
        String name = tag.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        boolean spoilerSpan = name.equals("span") && tag.contains("tg-spoiler");
        String type = spoilerSpan ? "spoiler" : HTML_TAGS.get(name);
        if (type == null) {
            throw unparsable("Unsupported start tag \"" + name + "\" at byte offset " + position);
        }
        String url = null;
        if (name.equals("a")) {
            Matcher href = HREF.matcher(tag);
            url = href.find() ? href.group(1) : "";
        }
        open.push(new OpenTag(name, type, textOffset, url));
    }

    private static String decode(String reference) {
        return switch (reference) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> Character.toString(reference.startsWith("#x")
                    ? Integer.parseInt(reference.substring(2), 16)
                    : Integer.parseInt(reference.substring(1)));
        };
    }

    private static BotApiException unparsable(String why) {
        return ApiError.badRequest("can't parse entities: " + why).exception();
    }
}
