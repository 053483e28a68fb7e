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
    /** The length of each pattern's keyword, to tell how specific a match is. */
    private final List<Integer> lengths;

    private Keywords(List<Pattern> patterns, List<Integer> lengths) {
        this.patterns = patterns;
        this.lengths = lengths;
    }

    static Keywords from(Texts texts, String key) {
        List<Pattern> patterns = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        if (texts.has(key)) {
            for (Lang lang : Lang.values()) {
                Arrays.stream(texts.template(lang, key).split(","))
                        .map(k -> normalize(k.strip()))
                        .filter(k -> !k.isEmpty())
                        .forEach(k -> {
                            patterns.add(pattern(k));
                            lengths.add(k.length());
                        });
            }
        }
        return new Keywords(List.copyOf(patterns), List.copyOf(lengths));
    }

    boolean matches(String text) {
        return longestMatch(text) > 0;
    }

    /**
     * The length of the longest keyword found in {@code text}, 0 when none is: {@code 自动充值} is a more specific
     * match than the {@code 充值} inside it.
     */
    int longestMatch(String text) {
        String normalized = normalize(text);
        int longest = 0;
        for (int i = 0; i < patterns.size(); i++) {
            if (lengths.get(i) > longest && patterns.get(i).matcher(normalized).find()) {
                longest = lengths.get(i);
            }
        }
        return longest;
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
