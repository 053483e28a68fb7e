package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TMF654 bucket usage type. */
public enum UsageType {
    @JsonProperty("monetary") MONETARY,
    @JsonProperty("data") DATA,
    @JsonProperty("voice") VOICE,
    @JsonProperty("sms") SMS
}
