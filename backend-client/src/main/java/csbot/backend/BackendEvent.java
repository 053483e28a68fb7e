package csbot.backend;

import java.time.OffsetDateTime;

/**
 * An event the account backend sent to the bot's hub listener (DESIGN §6). The same event may arrive more than once
 * (deduplicate by {@link #eventId()}) and events may arrive out of order.
 */
public sealed interface BackendEvent
        permits TopUpStateChanged, PaymentLinkPaid, ProductOrderStateChanged, LowBalance, ExpiryApproaching {

    /** Unique per event, the same on every delivery of it. */
    String eventId();

    /** When it happened, in the backend's time. */
    OffsetDateTime eventTime();
}
