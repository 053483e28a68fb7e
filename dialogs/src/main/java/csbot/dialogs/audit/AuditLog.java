package csbot.dialogs.audit;

import csbot.dialogs.validate.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit trail of what can move a number or unlock a card: lost-card suspensions, reissue orders and how they
 * ended, PUK disclosures, identity checks given up. One line per act on the dedicated logger {@code csbot.audit}
 * (route it to its own file or collector): who (the Telegram user), when (the log time), the line masked, how the
 * customer was verified, the order id. Never a code, a PUK, an activation code, an address or a number in clear.
 */
@Component
public final class AuditLog {

    private static final Logger audit = LoggerFactory.getLogger("csbot.audit");

    public void lineSuspended(long userId, String msisdn, String reason) {
        audit.info("event=lineSuspended user={} line={} reason={} verifiedBy=linkedTelegram", userId,
                PhoneNumbers.mask(msisdn), reason);
    }

    public void verificationLocked(long userId, String msisdn, String purpose) {
        audit.info("event=verificationLocked user={} line={} purpose={}", userId, PhoneNumbers.mask(msisdn), purpose);
    }

    public void reissueOrdered(long userId, String msisdn, String orderId, String cardType, String reason,
                               String verifiedBy) {
        audit.info("event=reissueOrdered user={} line={} order={} card={} reason={} verifiedBy={}", userId,
                PhoneNumbers.mask(msisdn), orderId, cardType, reason, verifiedBy);
    }

    public void reissueEnded(long userId, String msisdn, String orderId, String state, String stateReason) {
        audit.info("event=reissueEnded user={} line={} order={} state={} reason={}", userId, PhoneNumbers.mask(msisdn),
                orderId, state, stateReason.isEmpty() ? "-" : stateReason);
    }

    public void activationCodeSent(long userId, String msisdn, String orderId) {
        audit.info("event=activationCodeSent user={} line={} order={}", userId, PhoneNumbers.mask(msisdn), orderId);
    }

    public void pukDisclosed(long userId, String msisdn, String verifiedBy) {
        audit.info("event=pukDisclosed user={} line={} verifiedBy={}", userId, PhoneNumbers.mask(msisdn), verifiedBy);
    }
}
