package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum LineType {
    @JsonProperty("SIM") SIM,
    @JsonProperty("eSIM") ESIM
}
