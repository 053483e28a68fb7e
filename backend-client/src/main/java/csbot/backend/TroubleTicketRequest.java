package csbot.backend;

import java.util.Objects;

/**
 * TMF621 trouble ticket to open.
 *
 * @param ticketType    e.g. {@code paymentNotApplied}
 * @param severity      {@code minor}, {@code major}, {@code critical}
 * @param relatedEntity id of what it is about (a top-up, an order)
 * @param description   for the person handling it; no secrets, numbers masked
 */
public record TroubleTicketRequest(String ticketType, String severity, String msisdn, String relatedEntity,
                                   String description) {

    public TroubleTicketRequest {
        Objects.requireNonNull(ticketType, "ticketType");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(relatedEntity, "relatedEntity");
        Objects.requireNonNull(description, "description");
    }
}
