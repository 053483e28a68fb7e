package csbot.backend;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** Why a line needs a new card; {@link #wire()} is the contract's value of the order's {@code reason}. */
public enum ReissueReason {
    @JsonProperty("lost") LOST("lost"),
    @JsonProperty("stolen") STOLEN("stolen"),
    @JsonProperty("damaged") DAMAGED("damaged"),
    @JsonProperty("locked") LOCKED("locked"),
    @JsonProperty("newDevice") NEW_DEVICE("newDevice");

    private final String wire;

    ReissueReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ReissueReason> ofWire(String value) {
        return Arrays.stream(values()).filter(reason -> reason.wire.equals(value)).findFirst();
    }
}
