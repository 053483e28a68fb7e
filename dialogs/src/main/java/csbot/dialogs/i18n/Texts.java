package csbot.dialogs.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bundle of texts in every {@link Lang}: {@code <base>_zh_CN.properties} and {@code <base>_en.properties}
 * (UTF-8). Placeholders are named, {@code {amount}}, so translators see what goes where and apostrophes need no
 * escaping. There is deliberately no fallback between languages: a missing key is a bug a test must catch.
 */
public final class Texts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private final String base;
    private final Map<Lang, Map<String, String>> byLang;

    private Texts(String base, Map<Lang, Map<String, String>> byLang) {
        this.base = base;
        this.byLang = byLang;
    }

    /** Loads {@code base} (a classpath path without suffix, e.g. {@code csbot/dialogs/balance/texts}). */
    public static Texts load(String base) {
        Map<Lang, Map<String, String>> byLang = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            byLang.put(lang, read(base + "_" + lang.locale().toString() + ".properties"));
        }
        return new Texts(base, byLang);
    }

    private static Map<String, String> read(String resource) {
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing text bundle " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new java.util.HashMap<>();
            properties.forEach((k, v) -> texts.put((String) k, (String) v));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    public String base() {
        return base;
    }

    public boolean has(String key) {
        return byLang.get(Lang.ZH_CN).containsKey(key);
    }

    public Set<String> keys(Lang lang) {
        return new TreeSet<>(byLang.get(lang).keySet());
    }

    /** The raw template, placeholders unfilled. */
    public String template(Lang lang, String key) {
        String template = byLang.get(lang).get(key);
        if (template == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + base + " for " + lang.tag());
        }
        return template;
    }

    /**
     * The text for {@code key} with placeholders filled from name/value pairs:
     * {@code get(lang, "balance.money", "amount", "£12.50")}.
     */
    public String get(Lang lang, String key, Object... namesAndValues) {
        return fill(template(lang, key), namesAndValues);
    }

    public static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String fill(String template, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholder values come in name/value pairs");
        }
        if (namesAndValues.length == 0) {
            return template;
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
