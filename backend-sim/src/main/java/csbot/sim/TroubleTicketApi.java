package csbot.sim;

/** Contract: TMF621 trouble tickets ({@code /troubleTicket}). */
final class TroubleTicketApi {

    private final TroubleTickets tickets;
    private final SimClock clock;

    TroubleTicketApi(TroubleTickets tickets, SimClock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("POST", "/troubleTicket", this::open)
                .add("GET", "/troubleTicket/{id}", this::retrieve);
    }

    private Reply open(Request request) {
        String key = request.idempotencyKey();
        TroubleTickets.Opened opened = tickets.open(key, request.json(TroubleTickets.Create.class), clock.now());
        return Reply.json(opened.isNew() ? 201 : 200, opened.ticket());
    }

    private Reply retrieve(Request request) {
        return Reply.ok(tickets.find(request.pathParam("id"))
                .orElseThrow(() -> ApiError.notFound("no such trouble ticket")));
    }
}
