package csbot.dialogs.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackDataTest {

    @Test
    void flowEventsRoundTripAndStayWithinTelegramsLimit() {
        String data = CallbackData.event("a1B2c3", "bal", "pick", "1");
        assertThat(data).isEqualTo("a1B2c3:bal:pick:1");
        assertThat(CallbackData.parse(data)).contains(new CallbackData.FlowEvent("a1B2c3", "bal", "pick", "1"));
        assertThat(CallbackData.parse(CallbackData.event("a1B2c3", "bal", "back", "")))
                .contains(new CallbackData.FlowEvent("a1B2c3", "bal", "back", ""));
        assertThat(CallbackData.parse(CallbackData.open("bal"))).contains(new CallbackData.OpenFlow("bal"));
    }

    @Test
    void forgedOrTruncatedDataIsNotUnderstood() {
        assertThat(CallbackData.parse("")).isEmpty();
        assertThat(CallbackData.parse("garbage")).isEmpty();
        assertThat(CallbackData.parse("m:")).isEmpty();
        assertThat(CallbackData.parse("::")).isEmpty();
        assertThat(CallbackData.parse("abc:bal")).isEmpty();
    }

    @Test
    void dataOverSixtyFourBytesIsAProgrammingErrorCaughtAtOnce() {
        assertThatThrownBy(() -> CallbackData.event("a1B2c3", "bal", "pick", "x".repeat(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
