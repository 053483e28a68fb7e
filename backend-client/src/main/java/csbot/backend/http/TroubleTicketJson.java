package csbot.backend.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import csbot.backend.TroubleTicketRequest;
import java.util.ArrayList;
import java.util.List;

/** TMF621 {@code POST /troubleTicket}: the case, and the top-up or order and the line it is about. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TroubleTicketJson(String description, String severity, String ticketType, List<RelatedEntity> relatedEntity) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RelatedEntity(String id, String role, @JsonProperty("@referredType") String referredType) {
    }

    static TroubleTicketJson of(TroubleTicketRequest request) {
        List<RelatedEntity> related = new ArrayList<>();
        if (!request.relatedEntity().isEmpty()) {
            related.add(new RelatedEntity(request.relatedEntity(), "subject", null));
        }
        if (!request.msisdn().isEmpty()) {
            related.add(new RelatedEntity(request.msisdn(), "line", "LogicalResource"));
        }
        return new TroubleTicketJson(request.description(), request.severity(), request.ticketType(), related);
    }
}
