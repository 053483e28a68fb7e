package csbot.dialogs.engine;

import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keywords from a text bundle ({@code keywords = 余额, 话费, …} in each language), matched in both languages:
 * Chinese as a substring, Latin words as whole words ({@code data} does not match {@code database}).
 */
final class Keywords {

    private final List<Pattern> patterns;

    private Keywords(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static Keywords from(Texts texts, String key) {
        List<Pattern> patterns = new ArrayList<>();
        if (texts.has(key)) {
            for (Lang lang : Lang.values()) {
                Arrays.stream(texts.template(lang, key).split(","))
                        .map(k -> normalize(k.strip()))
                        .filter(k -> !k.isEmpty())
                        .map(Keywords::pattern)
                        .forEach(patterns::add);
            }
        }
        return new Keywords(List.copyOf(patterns));
    }

    boolean matches(String text) {
        String normalized = normalize(text);
        return patterns.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Pattern pattern(String keyword) {
        String quoted = Pattern.quote(keyword);
        boolean latin = keyword.chars().allMatch(c -> c < 0x250);
        return Pattern.compile(latin ? "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])" : quoted);
    }
}
