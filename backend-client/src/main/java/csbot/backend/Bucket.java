package csbot.backend;

/** TMF654 Bucket: what is left of one kind of allowance on a line, and until when. */
public record Bucket(String id, UsageType usageType, Quantity remainingValue, TimePeriod validFor, LineStatus status) {
}
