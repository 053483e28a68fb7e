package csbot.dialogs.i18n;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of every bundle under csbot/dialogs exists in zh-CN and en, with the same placeholders. */
class TextsCompletenessTest {

    @Test
    void everyBundleHasEveryKeyInBothLanguagesWithTheSamePlaceholders() throws IOException {
        List<String> bundles = bundles();
        assertThat(bundles).as("text bundles found").contains("csbot/dialogs/engine/texts",
                "csbot/dialogs/balance/texts", "csbot/dialogs/link/texts", "csbot/dialogs/language/texts");

        List<String> problems = new ArrayList<>();
        for (String base : bundles) {
            Texts texts = Texts.load(base);
            Set<String> zh = texts.keys(Lang.ZH_CN);
            Set<String> en = texts.keys(Lang.EN);
            Set<String> all = new TreeSet<>(zh);
            all.addAll(en);
            for (String key : all) {
                if (!zh.contains(key) || !en.contains(key)) {
                    problems.add(base + ": '" + key + "' missing in " + (zh.contains(key) ? "en" : "zh-CN"));
                    continue;
                }
                String zhText = texts.template(Lang.ZH_CN, key);
                String enText = texts.template(Lang.EN, key);
                if (zhText.isBlank() || enText.isBlank()) {
                    problems.add(base + ": '" + key + "' is empty");
                }
                if (!Texts.placeholders(zhText).equals(Texts.placeholders(enText))) {
                    problems.add(base + ": '" + key + "' placeholders differ: zh-CN " + Texts.placeholders(zhText)
                            + " vs en " + Texts.placeholders(enText));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingKeyIsReportedNotReplacedByTheOtherLanguage() {
        Texts texts = Texts.load("csbot/dialogs/engine/texts");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> texts.get(Lang.EN, "no.such.key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.key");
    }

    @Test
    void placeholdersAreFilledByNameAndApostrophesNeedNoEscaping() {
        assertThat(Texts.fill("You have {left} more tries, don't {verb}", "left", 3, "verb", "panic"))
                .isEqualTo("You have 3 more tries, don't panic");
    }

    private static List<String> bundles() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:csbot/dialogs/**/texts_zh_CN.properties");
        List<String> bases = new ArrayList<>();
        for (Resource resource : resources) {
            String path = resource.getURL().toString();
            String relative = path.substring(path.indexOf("csbot/dialogs/"));
            bases.add(relative.substring(0, relative.length() - "_zh_CN.properties".length()));
        }
        // a bundle that has only its English file is caught too
        Resource[] english = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:csbot/dialogs/**/texts_en.properties");
        assertThat(english).hasSameSizeAs(resources);
        return bases;
    }
}
