package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;

enum CardType {
    @JsonProperty("SIM") SIM,
    @JsonProperty("eSIM") ESIM
}
