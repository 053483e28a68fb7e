package csbot.dialogs.engine;

/** Why a customer is handed over to a person; shown to agents on the ticket. */
public enum HandoverReason {
    /** /agent or the "talk to a person" button of the menu. */
    ASKED,
    /** A keyword such as 人工 or "human". */
    KEYWORD,
    /** Several messages in a row the bot did not understand, and the customer took the offer. */
    MISUNDERSTOOD,
    /** A step failed on the backend side, and the customer took the offer. */
    BACKEND_FAILURE,
    /** An order or payment the backend failed or rejected. */
    ORDER_FAILED
}
