package csbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * What a Telegram client and Telegram do when a user pays an invoice message: a pre_checkout_query to the
 * bot, a wait for its answer (10 s in Telegram), then, if it said ok, the charge and a successful_payment
 * message in the chat. One attempt per tap; an invoice message once paid is not paid again.
 */
final class Checkout {

    /** The user paying, as updates show them, and what they would type into the payment form. */
    record Payer(long id, ObjectNode from, String name, String phoneNumber) {
    }

    private final Payments payments;
    private final UpdateQueue queue;

    Checkout(Payments payments, UpdateQueue queue) {
        this.payments = payments;
        this.queue = queue;
    }

    PaymentResult pay(ChatState chat, Payer payer, int messageId) throws InterruptedException {
        SentInvoice invoice = invoice(chat, messageId);
        invoice.beginAttempt();
        try {
            Charge earlier = invoice.charge();
            if (earlier != null) {
                return new PaymentResult(PaymentResult.Outcome.ALREADY_PAID, null, null, earlier);
            }
            Payments.PendingCheckout query = preCheckout(chat, payer, invoice);
            Optional<PreCheckoutAnswer> answer = payments.awaitAnswer(query);
            if (answer.isEmpty()) {
                return new PaymentResult(PaymentResult.Outcome.NOT_ANSWERED, query.id(), null, null);
            }
            if (!answer.get().ok()) {
                return new PaymentResult(PaymentResult.Outcome.DECLINED, query.id(), answer.get().errorMessage(),
                        null);
            }
            Charge charge = payments.charge(invoice, chat, payer.id(), payer.from(), null);
            deliver(chat, payer, invoice, charge);
            return new PaymentResult(PaymentResult.Outcome.PAID, query.id(), null, charge);
        } finally {
            invoice.endAttempt();
        }
    }

    /** Only the pre_checkout_query, paid invoice or not; the bot's answer is logged in the chat. */
    String sendPreCheckout(ChatState chat, Payer payer, int messageId) {
        return preCheckout(chat, payer, invoice(chat, messageId)).id();
    }

    /**
     * A successful_payment message for the invoice, whatever the bot answered: a charge with that id if it is
     * new, or the same charge delivered again.
     */
    long sendSuccessfulPayment(ChatState chat, Payer payer, int messageId, String telegramChargeId) {
        SentInvoice invoice = invoice(chat, messageId);
        Charge charge = payments.charge(invoice, chat, payer.id(), payer.from(), telegramChargeId);
        return deliver(chat, payer, invoice, charge);
    }

    private SentInvoice invoice(ChatState chat, int messageId) {
        if (chat.message(messageId).isEmpty()) {
            throw new IllegalArgumentException("no bot message #" + messageId + " in chat " + chat.id());
        }
        return payments.invoice(chat.id(), messageId).orElseThrow(() -> new IllegalArgumentException(
                "bot message #" + messageId + " in chat " + chat.id() + " is not an invoice"));
    }

    private Payments.PendingCheckout preCheckout(ChatState chat, Payer payer, SentInvoice invoice) {
        InvoiceTerms terms = invoice.terms();
        Payments.PendingCheckout query = payments.open(invoice, chat);
        ObjectNode update = UserUpdates.preCheckoutQuery(query.id(), payer.from(), terms, orderInfo(terms, payer));
        chat.userAction("pre_checkout", "[Pay " + Currencies.format(terms.currency(), terms.totalAmount()) + " for #"
                + invoice.messageId() + "]", () -> queue.enqueue(update).updateId());
        return query;
    }

    private long deliver(ChatState chat, Payer payer, SentInvoice invoice, Charge charge) {
        ObjectNode update = UserUpdates.message(chat, payer.from(),
                UserUpdates.successfulPayment(charge, orderInfo(invoice.terms(), payer)));
        return chat.paid(charge, () -> queue.enqueue(update).updateId());
    }

    /** What the payment form asked for (fiat only); null when nothing. Shipping is not modelled. */
    private static ObjectNode orderInfo(InvoiceTerms terms, Payer payer) {
        if (terms.needShippingAddress() || terms.flexible()) {
            throw new IllegalStateException(
                    "the emulator does not model shipping (need_shipping_address, is_flexible)");
        }
        if (!terms.needName() && !terms.needPhoneNumber() && !terms.needEmail()) {
            return null;
        }
        ObjectNode info = Json.object();
        if (terms.needName()) {
            info.put("name", payer.name());
        }
        if (terms.needPhoneNumber()) {
            if (payer.phoneNumber() == null) {
                throw new IllegalStateException("the invoice asks for a phone number and user " + payer.id()
                        + " has none: use withPhoneNumber");
            }
            info.put("phone_number", payer.phoneNumber().replace("+", ""));
        }
        if (terms.needEmail()) {
            info.put("email", "user" + payer.id() + "@example.com");
        }
        return info;
    }
}
