package csbot.sim;

/**
 * A top-up as asked for. Two requests under one idempotency key are the same request when their orders are equal
 * (amounts are normalized, so {@code 10} and {@code 10.00} are the same amount).
 *
 * @param planId      "" for a plain amount
 * @param channel     where it was asked, e.g. {@code telegram}; {@code autoTopup} or {@code paymentLink} for ours
 * @param autoTopUpId the auto top-up this is a run of, "" otherwise
 */
record TopUpOrder(String msisdn, MoneyJson amount, String planId, PaymentRef payment, String channel,
                  String autoTopUpId) {
}
