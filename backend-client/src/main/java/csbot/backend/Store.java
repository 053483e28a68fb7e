package csbot.backend;

import java.util.Objects;

/** A store where a replacement SIM can be picked up. */
public record Store(String id, String name, String address, String openingHours) {

    public Store {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(openingHours, "openingHours");
    }
}
