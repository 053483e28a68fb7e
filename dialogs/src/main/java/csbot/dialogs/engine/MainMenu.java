package csbot.dialogs.engine;

import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The main menu, built from the flows that exist: a persistent reply keyboard and an inline menu. Labels are
 * recognised in both languages, so a keyboard sent before a language change still works.
 */
public final class MainMenu {

    /** Menu labels of the engine itself (not flows). */
    public enum Fixed { HELP, CANCEL }

    private final List<Flow> entries;
    private final Texts common;

    MainMenu(List<Flow> flows, Texts common) {
        this.entries = flows.stream()
                .filter(f -> f.menuEntry().isPresent())
                .sorted(Comparator.comparingInt(f -> f.menuEntry().orElseThrow().order()))
                .toList();
        this.common = common;
    }

    List<Flow> flows() {
        return entries;
    }

    public Keyboard.Reply replyKeyboard(Lang lang) {
        List<Keyboard.Reply.Key> keys = new ArrayList<>();
        for (Flow flow : entries) {
            keys.add(Keyboard.Reply.Key.text(label(flow, lang)));
        }
        keys.add(Keyboard.Reply.Key.text(common.get(lang, "menu.help")));
        return new Keyboard.Reply(pairs(keys), true);
    }

    public Keyboard.Inline inlineMenu(Lang lang) {
        List<Keyboard.Inline.Button> buttons = new ArrayList<>();
        for (Flow flow : entries) {
            buttons.add(Keyboard.Inline.Button.callback(label(flow, lang), CallbackData.open(flow.id())));
        }
        return Keyboard.Inline.of(pairs(buttons));
    }

    /** The flow whose menu label (in either language) is exactly this text. */
    Optional<Flow> flowLabelled(String text) {
        return entries.stream()
                .filter(f -> matchesAnyLang(text, l -> label(f, l)))
                .findFirst();
    }

    Optional<Fixed> fixedLabelled(String text) {
        for (Fixed fixed : Fixed.values()) {
            String key = "menu." + fixed.name().toLowerCase(Locale.ROOT);
            if (matchesAnyLang(text, l -> common.get(l, key))) {
                return Optional.of(fixed);
            }
        }
        return Optional.empty();
    }

    static String label(Flow flow, Lang lang) {
        return flow.texts().get(lang, "menu.label");
    }

    private static boolean matchesAnyLang(String text, java.util.function.Function<Lang, String> label) {
        for (Lang lang : Lang.values()) {
            if (label.apply(lang).equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<List<T>> pairs(List<T> items) {
        List<List<T>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 2) {
            rows.add(items.subList(i, Math.min(i + 2, items.size())));
        }
        return rows;
    }
}
