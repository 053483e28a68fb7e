package csbot.backend.http;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** How the contract's JSON is read and written: exact decimals both ways, unknown fields ignored. */
final class ContractJson {

    private ContractJson() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // money goes out as 10.00, never 1.000E+1
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // trees keep 10.00 as 10.00 (not 1E+1), so money read through a tree equals money read directly
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }
}
