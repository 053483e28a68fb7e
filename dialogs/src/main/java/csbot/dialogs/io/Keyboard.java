package csbot.dialogs.io;

import java.util.List;

/** Buttons attached to a message. */
public sealed interface Keyboard {

    Keyboard NONE = new None();

    /** Leave whatever keyboard the chat has. */
    record None() implements Keyboard {
    }

    /** Buttons under the message. An empty inline keyboard removes the buttons of an edited message. */
    record Inline(List<List<Button>> rows) implements Keyboard {

        public Inline {
            rows = rows.stream().map(List::copyOf).toList();
        }

        public static Inline of(List<List<Button>> rows) {
            return new Inline(rows);
        }

        public static Inline empty() {
            return new Inline(List.of());
        }

        /** Either {@code callbackData} or {@code url} is set, the other is "". */
        public record Button(String label, String callbackData, String url) {

            public static Button callback(String label, String callbackData) {
                return new Button(label, callbackData, "");
            }

            public static Button link(String label, String url) {
                return new Button(label, "", url);
            }
        }
    }

    /** The keyboard that replaces the phone's keyboard; {@code persistent} keeps it shown. */
    record Reply(List<List<Key>> rows, boolean persistent) implements Keyboard {

        public Reply {
            rows = rows.stream().map(List::copyOf).toList();
        }

        public record Key(String label, boolean requestContact) {

            public static Key text(String label) {
                return new Key(label, false);
            }

            public static Key shareContact(String label) {
                return new Key(label, true);
            }
        }
    }
}
