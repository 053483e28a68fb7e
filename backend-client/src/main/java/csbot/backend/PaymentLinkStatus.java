package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PaymentLinkStatus {
    @JsonProperty("open") OPEN,
    @JsonProperty("paid") PAID,
    @JsonProperty("expired") EXPIRED
}
