package csbot.dialogs.io;

/** What a customer did, independent of Telegram's types. */
public sealed interface Inbound {

    Origin origin();

    /** Free text (not a command). */
    record Text(Origin origin, String text) implements Inbound {
    }

    /** {@code /name args}; {@code name} is lower case without the slash and without {@code @botname}. */
    record Command(Origin origin, String name, String args) implements Inbound {
    }

    /** An inline button was tapped: {@code data} is the callback data, forged or stale as it may be. */
    record Button(Origin origin, String callbackId, int messageId, String data) implements Inbound {
    }

    /**
     * A shared contact. {@code contactUserId} is the Telegram user the contact belongs to, 0 when the contact
     * is not a Telegram user; only a contact whose user is the sender proves the sender owns the number.
     */
    record ContactShared(Origin origin, String phoneNumber, long contactUserId) implements Inbound {

        public boolean isSendersOwn() {
            return contactUserId != 0 && contactUserId == origin.userId();
        }
    }

    /** A photo, document, voice message, sticker …: the bot itself cannot read it. */
    record Media(Origin origin, MediaKind kind, String fileId, String caption) implements Inbound {
    }

    /**
     * Telegram asks whether a payment may go ahead (the customer pressed Pay); it must be answered within 10 s.
     *
     * @param totalAmount in the currency's smallest units (whole Stars for {@code XTR})
     * @param payload     the invoice payload the bot chose
     */
    record PreCheckout(Origin origin, String queryId, String currency, long totalAmount, String payload)
            implements Inbound {
    }

    /**
     * The customer has paid an invoice. The same payment may be reported more than once; {@code telegramChargeId}
     * identifies it.
     *
     * @param providerChargeId the payment provider's id, "" for Telegram Stars
     */
    record PaymentDone(Origin origin, String currency, long totalAmount, String payload, String telegramChargeId,
                       String providerChargeId) implements Inbound {
    }

    enum MediaKind { PHOTO, DOCUMENT, VOICE, STICKER, OTHER }
}
