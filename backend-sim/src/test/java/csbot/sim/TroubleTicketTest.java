package csbot.sim;

import static csbot.sim.TopUps.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TroubleTicketTest extends SimulatorTestBase {

    private static final String TICKET = "{\"description\":\"Paid top-up tb-1 for +44 ••••••3123 failed\","
            + "\"severity\":\"major\",\"ticketType\":\"paymentNotApplied\",\"channel\":{\"name\":\"telegram\"},"
            + "\"relatedEntity\":[{\"id\":\"tb-1\",\"role\":\"subject\",\"@referredType\":\"TopupBalance\"},"
            + "{\"id\":\"" + WEI_SIM + "\",\"role\":\"line\"}]}";

    @Test
    void aTicketIsOpenedOncePerKeyAndAcknowledged() throws IOException {
        SimClient.Answer opened = client.post("/troubleTicket", "case-1", TICKET);
        SimClient.Answer again = client.post("/troubleTicket", "case-1", TICKET);

        assertThat(opened.status()).isEqualTo(201);
        JsonNode ticket = opened.json();
        assertThat(ticket.get("id").asText()).startsWith("TT-");
        assertThat(ticket.get("status").asText()).isEqualTo("acknowledged");
        assertThat(ticket.get("@type").asText()).isEqualTo("TroubleTicket");
        assertThat(ticket.get("relatedEntity")).hasSize(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(ticket);
        assertThat(client.get("/troubleTicket/" + ticket.get("id").asText()).json()).isEqualTo(ticket);
        assertThat(client.get("/sim/troubleTickets").json()).singleElement()
                .satisfies(listed -> assertThat(listed.get("id")).isEqualTo(ticket.get("id")));
    }

    @Test
    void badTicketsAreRefused() throws IOException {
        assertThat(code(client.post("/troubleTicket", TICKET))).isEqualTo("400 idempotencyKeyRequired");
        assertThat(code(client.post("/troubleTicket", "c-2", TICKET.replace("major", "urgent")))).isEqualTo("400 invalidBody");
        assertThat(code(client.post("/troubleTicket", "c-3", TICKET.replaceAll("\"relatedEntity\":\\[.*]", "\"relatedEntity\":[]"))))
                .isEqualTo("400 invalidBody");
        client.post("/troubleTicket", "c-4", TICKET);
        assertThat(code(client.post("/troubleTicket", "c-4", TICKET.replace("major", "minor"))))
                .isEqualTo("409 idempotencyKeyReused");
        assertThat(code(client.get("/troubleTicket/TT-NOTHING"))).isEqualTo("404 notFound");
    }
}
