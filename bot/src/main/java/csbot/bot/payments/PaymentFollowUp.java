package csbot.bot.payments;

import csbot.bot.send.Sender;
import csbot.dialogs.topup.TopUpSettlement;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance looks at the payments whose top-up is not final yet (no answer, still {@code created}, a payment
 * link not paid yet); the ledger hands each one to a single instance at a time.
 */
@Component
final class PaymentFollowUp {

    private static final Logger log = LoggerFactory.getLogger(PaymentFollowUp.class);
    private static final int BATCH = 50;

    private final TopUpSettlement settlement;
    private final Sender sender;

    PaymentFollowUp(TopUpSettlement settlement, Sender sender) {
        this.settlement = settlement;
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${csbot.payments.follow-up-every:1s}")
    void followDue() {
        try {
            sender.send(settlement.followDue(BATCH));
        } catch (RedisException e) {
            log.warn("payment follow-up skipped, Redis unavailable: {}", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.error("payment follow-up failed", e);
        }
    }
}
