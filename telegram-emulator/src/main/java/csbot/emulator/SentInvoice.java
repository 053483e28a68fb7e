package csbot.emulator;

import java.util.concurrent.locks.ReentrantLock;

/**
 * An invoice message the bot sent: its terms (with the payload, which the message does not show), and
 * whether it is paid. A Telegram client lets the user pay an invoice message once; while one attempt is on
 * its way (the pre-checkout query waiting for the bot) another tap waits for it rather than starting a second.
 */
final class SentInvoice {

    private final long chatId;
    private final int messageId;
    private final InvoiceTerms terms;
    private final ReentrantLock attempt = new ReentrantLock();
    private Charge charge;

    SentInvoice(long chatId, int messageId, InvoiceTerms terms) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.terms = terms;
    }

    long chatId() {
        return chatId;
    }

    int messageId() {
        return messageId;
    }

    InvoiceTerms terms() {
        return terms;
    }

    /** Starts a pay attempt, after the one under way if any. */
    void beginAttempt() throws InterruptedException {
        attempt.lockInterruptibly();
    }

    void endAttempt() {
        attempt.unlock();
    }

    /** The charge that paid this invoice, or null while it is unpaid. */
    synchronized Charge charge() {
        return charge;
    }

    /** Notes the first charge for this invoice; later ones (only test-made) leave it paid by the first. */
    synchronized void paidBy(Charge first) {
        if (charge == null) {
            charge = first;
        }
    }
}
