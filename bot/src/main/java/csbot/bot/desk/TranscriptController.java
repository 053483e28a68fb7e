package csbot.bot.desk;

import csbot.dialogs.handover.Tickets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * The operator's export of a ticket's transcript (masked as stored): {@code GET /desk/tickets/<n>/transcript} with
 * {@code Authorization: Bearer <csbot.desk.export-token>}; one line per entry, time (UTC), who, text. Without a
 * token configured the endpoint answers 404, as if it did not exist; a wrong token is 401.
 */
@RestController
@ConditionalOnExpression("'${csbot.desk.agents-group-id:0}' != '0'")
class TranscriptController {

    private final Tickets tickets;
    private final DeskProperties properties;

    TranscriptController(Tickets tickets, DeskProperties properties) {
        this.tickets = tickets;
        this.properties = properties;
    }

    @GetMapping(path = "/desk/tickets/{number}/transcript", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> transcript(@PathVariable long number,
                                      @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (properties.exportToken().isBlank()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        byte[] expected = ("Bearer " + properties.exportToken()).getBytes(StandardCharsets.UTF_8);
        if (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        List<String> lines = tickets.transcript(number);
        if (lines.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String[] parts = line.split("\t", 3);
            text.append(Instant.ofEpochMilli(Long.parseLong(parts[0]))).append("  ").append(parts[1]).append(": ")
                    .append(parts.length > 2 ? parts[2] : "").append('\n');
        }
        return ResponseEntity.ok(text.toString());
    }
}
