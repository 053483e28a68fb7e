package csbot.backend;

import java.util.Objects;

/** TMF621 trouble ticket, e.g. a paid top-up the backend could not apply: a person will sort it out. */
public record TroubleTicket(String id, String status) {

    public TroubleTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
