package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One top-up: what was asked and bought, and what became of it. Its status leaves {@code created} once, under its
 * own lock, and the money moves inside that step: a top-up is applied at most once however many threads settle it.
 */
final class TopUp implements TopupBalanceResource {

    enum Status {
        @JsonProperty("created") CREATED,
        @JsonProperty("completed") COMPLETED,
        @JsonProperty("failed") FAILED
    }

    /** The top-up as it is at one moment. {@code settledAt} is empty while created; {@code reason} "" unless failed. */
    record View(TopUp topUp, Status status, String reason, Optional<Instant> settledAt) {
    }

    private final String id;
    private final long seq;
    private final String idempotencyKey;
    private final TopUpOrder order;
    private final Purchase purchase;
    private final Instant createdAt;
    private final TopUpOutcomes.Decision decision;
    private Status status = Status.CREATED;
    private String reason = "";
    private Instant settledAt;

    TopUp(String id, long seq, String idempotencyKey, TopUpOrder order, Purchase purchase, Instant createdAt,
          TopUpOutcomes.Decision decision) {
        this.id = id;
        this.seq = seq;
        this.idempotencyKey = idempotencyKey;
        this.order = order;
        this.purchase = purchase;
        this.createdAt = createdAt;
        this.decision = decision;
    }

    /**
     * The one move out of {@code created}. {@code apply} runs under this top-up's lock and answers "" when it applied
     * the top-up, or the reason it could not. False, and nothing run, when the top-up was settled already.
     */
    synchronized boolean settle(Instant at, Supplier<String> apply) {
        if (status != Status.CREATED) {
            return false;
        }
        String failure = apply.get();
        status = failure.isEmpty() ? Status.COMPLETED : Status.FAILED;
        reason = failure;
        settledAt = at;
        return true;
    }

    synchronized View view() {
        return new View(this, status, reason, Optional.ofNullable(settledAt));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String msisdn() {
        return order.msisdn();
    }

    @Override
    public long seq() {
        return seq;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    TopUpOrder order() {
        return order;
    }

    Purchase purchase() {
        return purchase;
    }

    Instant createdAt() {
        return createdAt;
    }

    TopUpOutcomes.Decision decision() {
        return decision;
    }
}
