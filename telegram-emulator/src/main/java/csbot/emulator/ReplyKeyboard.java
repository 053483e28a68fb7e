package csbot.emulator;

import java.util.List;

/**
 * A reply keyboard the bot sent ({@code ReplyKeyboardMarkup}), or its removal
 * ({@code ReplyKeyboardRemove}, with {@code remove} set and no rows).
 */
public record ReplyKeyboard(List<List<ReplyButton>> rows, boolean persistent, boolean resize, boolean oneTime,
                            String placeholder, boolean remove) {

    public ReplyKeyboard {
        rows = rows.stream().map(List::copyOf).toList();
    }

    static ReplyKeyboard removal() {
        return new ReplyKeyboard(List.of(), false, false, false, null, true);
    }

    public List<String> labels() {
        return rows.stream().flatMap(List::stream).map(ReplyButton::text).toList();
    }
}
