package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * One version of a message the bot put in a chat: a new one, or an edit ({@code edited}).
 *
 * @param text           the text, or a media message's caption ("" when none); markup already parsed
 * @param inlineKeyboard the inline keyboard under the message, empty when none
 * @param replyKeyboard  the reply keyboard (or its removal) sent along, null when none
 * @param media          the photo or document, null when none
 * @param telegram       the Message object exactly as the Bot API returned it; read-only
 */
public record BotMessage(long chatId, int messageId, String text, List<List<InlineButton>> inlineKeyboard,
                         ReplyKeyboard replyKeyboard, boolean edited, MediaFile media, JsonNode telegram) {

    public BotMessage {
        inlineKeyboard = inlineKeyboard.stream().map(List::copyOf).toList();
    }

    /** The labels of the inline buttons, row by row. */
    public List<String> buttons() {
        return inlineKeyboard.stream().flatMap(List::stream).map(InlineButton::label).toList();
    }

    /** The inline button with exactly this label, or else the first whose label contains it. */
    public Optional<InlineButton> button(String label) {
        List<InlineButton> all = inlineKeyboard.stream().flatMap(List::stream).toList();
        return all.stream().filter(b -> b.label().equals(label)).findFirst()
                .or(() -> all.stream().filter(b -> b.label().contains(label)).findFirst());
    }

    /** The bytes of the photo the bot sent, or null when this is not a photo. */
    public byte[] photo() {
        return media != null && media.kind().equals("photo") ? media.bytes() : null;
    }
}
