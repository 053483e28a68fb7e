package csbot.dialogs.engine;

import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Outbound;

import java.util.List;

/**
 * Payments belong to no conversation step: an invoice may be paid after the customer moved on to something else.
 * The engine hands them to the one bean implementing this.
 */
public interface PaymentHandler {

    /** Whether the payment may go ahead; answered within Telegram's 10 seconds. */
    Outbound.AnswerPreCheckout preCheckout(Inbound.PreCheckout query, UserProfile profile, Lang lang);

    /** Refuses a payment whose check could not finish in time: better no payment than one that cannot be applied. */
    Outbound.AnswerPreCheckout tooSlow(Inbound.PreCheckout query, Lang lang);

    /** The customer has paid: apply the top-up once, whatever happens, and say how it went. */
    List<Outbound> paid(Inbound.PaymentDone payment, UserProfile profile, Lang lang);
}
