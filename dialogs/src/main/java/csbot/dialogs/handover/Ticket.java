package csbot.dialogs.handover;

import csbot.dialogs.engine.HandoverReason;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One handover to a person: who, why, where its forum topic is, who took it and how it ended. Stored as a Redis hash
 * (see {@link Tickets}); {@code version} counts the changes, so a change is made only to the version it was made from.
 *
 * @param number       the ticket number customers and agents see (#12)
 * @param chatId       the customer's private chat
 * @param firstName    the customer's Telegram first name
 * @param lang         the customer's language tag (zh-CN, en)
 * @param maskedLine   the customer's first linked line, masked, "" when none
 * @param lastFlow     the flow the customer was in when handed over, "" when none
 * @param lastStep     its step
 * @param threadId     the forum topic in the agents group, 0 until it is opened
 * @param agentId      the agent who took it, 0 when nobody
 * @param lastAgentAt  epoch millis the agent took it or last wrote to the customer
 * @param pinged       whether the waiting customer and the topic were reminded already
 * @param rating       1–5 stars after closing, 0 when not rated
 * @param endedBy      why it closed: agent, customer, agent_silent; "" while open
 */
public record Ticket(long number, long chatId, String firstName, String lang, String maskedLine,
                     HandoverReason reason, String lastFlow, String lastStep, Status status, int threadId,
                     long agentId, String agentName, long createdAt, long lastAgentAt, long closedAt,
                     boolean pinged, int rating, String comment, String endedBy, long version) {

    public enum Status { WAITING, ASSIGNED, CLOSED }

    public boolean isOpen() {
        return status != Status.CLOSED;
    }

    public boolean hasTopic() {
        return threadId != 0;
    }

    public Ticket assignedTo(long agent, String name, long now) {
        return new Ticket(number, chatId, firstName, lang, maskedLine, reason, lastFlow, lastStep, Status.ASSIGNED,
                threadId, agent, name, createdAt, now, 0, pinged, rating, comment, "", version);
    }

    public Ticket agentWrote(long now) {
        return new Ticket(number, chatId, firstName, lang, maskedLine, reason, lastFlow, lastStep, status, threadId,
                agentId, agentName, createdAt, now, closedAt, pinged, rating, comment, endedBy, version);
    }

    public Ticket closed(String by, long now) {
        return new Ticket(number, chatId, firstName, lang, maskedLine, reason, lastFlow, lastStep, Status.CLOSED,
                threadId, agentId, agentName, createdAt, lastAgentAt, now, pinged, rating, comment, by, version);
    }

    public Ticket withPinged() {
        return new Ticket(number, chatId, firstName, lang, maskedLine, reason, lastFlow, lastStep, status, threadId,
                agentId, agentName, createdAt, lastAgentAt, closedAt, true, rating, comment, endedBy, version);
    }

    public Ticket withTopic(int thread) {
        return new Ticket(number, chatId, firstName, lang, maskedLine, reason, lastFlow, lastStep, status, thread,
                agentId, agentName, createdAt, lastAgentAt, closedAt, pinged, rating, comment, endedBy, version);
    }

    public Ticket rated(int stars) {
        return new Ticket(number, chatId, firstName, lang, maskedLine, reason, lastFlow, lastStep, status, threadId,
                agentId, agentName, createdAt, lastAgentAt, closedAt, pinged, stars, comment, endedBy, version);
    }

    public Ticket withComment(String text) {
        return new Ticket(number, chatId, firstName, lang, maskedLine, reason, lastFlow, lastStep, status, threadId,
                agentId, agentName, createdAt, lastAgentAt, closedAt, pinged, rating, text, endedBy, version);
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new HashMap<>();
        hash.put("number", Long.toString(number));
        hash.put("chatId", Long.toString(chatId));
        hash.put("firstName", firstName);
        hash.put("lang", lang);
        hash.put("maskedLine", maskedLine);
        hash.put("reason", reason.name());
        hash.put("lastFlow", lastFlow);
        hash.put("lastStep", lastStep);
        hash.put("status", status.name());
        hash.put("threadId", Integer.toString(threadId));
        hash.put("agentId", Long.toString(agentId));
        hash.put("agentName", agentName);
        hash.put("createdAt", Long.toString(createdAt));
        hash.put("lastAgentAt", Long.toString(lastAgentAt));
        hash.put("closedAt", Long.toString(closedAt));
        hash.put("pinged", Boolean.toString(pinged));
        hash.put("rating", Integer.toString(rating));
        hash.put("comment", comment);
        hash.put("endedBy", endedBy);
        hash.put("version", Long.toString(version));
        return hash;
    }

    static Optional<Ticket> fromHash(Map<String, String> hash) {
        if (hash == null || !hash.containsKey("number")) {
            return Optional.empty();
        }
        return Optional.of(new Ticket(Long.parseLong(hash.get("number")), Long.parseLong(hash.get("chatId")),
                hash.getOrDefault("firstName", ""), hash.getOrDefault("lang", ""),
                hash.getOrDefault("maskedLine", ""), HandoverReason.valueOf(hash.get("reason")),
                hash.getOrDefault("lastFlow", ""), hash.getOrDefault("lastStep", ""),
                Status.valueOf(hash.get("status")), Integer.parseInt(hash.get("threadId")),
                Long.parseLong(hash.get("agentId")), hash.getOrDefault("agentName", ""),
                Long.parseLong(hash.get("createdAt")), Long.parseLong(hash.get("lastAgentAt")),
                Long.parseLong(hash.get("closedAt")), Boolean.parseBoolean(hash.get("pinged")),
                Integer.parseInt(hash.get("rating")), hash.getOrDefault("comment", ""),
                hash.getOrDefault("endedBy", ""), Long.parseLong(hash.get("version"))));
    }
}
