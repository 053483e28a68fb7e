package csbot.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

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
    void encodesPathSegments() {
        assertThat(Call.delete("/hub/" + Call.segment("a b/c"), "hub").uri(BASE))
                .hasToString("http://backend.test:8090/api/hub/a%20b%2Fc");
    }

    @Test
    void onlyGetDeleteAndKeyedPostsAreIdempotent() {
        assertThat(Call.get("/bucket", "line").idempotent()).isTrue();
        assertThat(Call.delete("/hub/1", "hub").idempotent()).isTrue();
        assertThat(Call.post("/ext/v1/verifications", "{}", "line").idempotent()).isFalse();
        assertThat(Call.post("/topupBalance", "{}", "line").withIdempotencyKey("k").idempotent()).isTrue();
    }

    @Test
    void describesItselfWithoutQueryOrBody() {
        Call call = Call.post("/ext/v1/verifications", "+447400123123", "line").withQuery("msisdn", "+447400123123");

        assertThat(call).hasToString("POST /ext/v1/verifications");
    }
}
