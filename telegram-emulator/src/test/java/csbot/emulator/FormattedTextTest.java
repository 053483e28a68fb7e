package csbot.emulator;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** parse_mode=HTML becomes plain text plus entities, with Telegram's UTF-16 offsets. */
class FormattedTextTest {

    @Test
    void tagsBecomeEntitiesAndCharacterReferencesAreDecoded() {
        FormattedText text = FormattedText.of("💰 余额 <b>HKD 12.50</b> &lt;ok&gt; <a href=\"https://x.org\">more</a>",
                "HTML", MissingNode.getInstance());

        assertThat(text.text()).isEqualTo("💰 余额 HKD 12.50 <ok> more");
        assertThat(text.entities().toString()).isEqualTo("[{\"type\":\"bold\",\"offset\":6,\"length\":9},"
                + "{\"type\":\"text_link\",\"offset\":21,\"length\":4,\"url\":\"https://x.org\"}]");
    }

    @Test
    void brokenMarkupIsABadRequest() {
        assertThatThrownBy(() -> FormattedText.of("<b>bold</i>", "HTML", MissingNode.getInstance()))
                .hasMessageContaining("can't parse entities");
        assertThatThrownBy(() -> FormattedText.of("a<br>b", "HTML", MissingNode.getInstance()))
                .hasMessageContaining("Unsupported start tag \"br\"");
    }

    @Test
    void withoutParseModeTheTextStaysAsSent() {
        assertThat(FormattedText.of("<b>as is</b>", null, MissingNode.getInstance()).text()).isEqualTo("<b>as is</b>");
    }
}
