package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CallTest {

    private static final URI BASE = URI.create("http://backend.test:8090/api/");

    @Test
    void encodesThePlusOfAnE164NumberInTheQuery() {
        Call call = Call.get("/ext/v1/lines", "line").withQuery("msisdn", "+447400123123");

        assertThat(call.uri(BASE)).hasToString("http://backend.test:8090/api/ext/v1/lines?msisdn=%2B447400123123");
    }

    @Test
    void fillsPathTemplatesWithEncodedValues() {
        assertThat(Call.delete("/hub/{id}", "hub", "a b/c").uri(BASE))
                .hasToString("http://backend.test:8090/api/hub/a%20b%2Fc");
        assertThat(Call.get("/ext/v1/lines/{msisdn}/topupOptions", "line", "+447400123123").uri(BASE))
                .hasToString("http://backend.test:8090/api/ext/v1/lines/%2B447400123123/topupOptions");
    }

    @Test
    void aTemplateNeedsAValueForEachPlaceholder() {
        assertThatThrownBy(() -> Call.get("/topupBalance/{id}", "top-up")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyGetDeletePatchAndKeyedPostsAreIdempotent() {
        assertThat(Call.get("/bucket", "line").idempotent()).isTrue();
        assertThat(Call.delete("/hub/{id}", "hub", "1").idempotent()).isTrue();
        assertThat(Call.patch("/topupBalance/{id}", "{}", "auto top-up", "tb-1").idempotent()).isTrue();
        assertThat(Call.post("/ext/v1/verifications", "{}", "line").idempotent()).isFalse();
        assertThat(Call.post("/topupBalance", "{}", "line").withIdempotencyKey("k").idempotent()).isTrue();
    }

    @Test
    void describesItselfWithoutPathValuesQueryOrBody() {
        Call call = Call.post("/ext/v1/verifications", "+447400123123", "line").withQuery("msisdn", "+447400123123");
        Call templated = Call.get("/ext/v1/lines/{msisdn}/paymentMethods", "line", "+447400123123");

        assertThat(call).hasToString("POST /ext/v1/verifications");
        assertThat(templated).hasToString("GET /ext/v1/lines/{msisdn}/paymentMethods");
    }
}
