package csbot.emulator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What happened in a chat, in order: the log behind {@link FakeUser}'s cursors, transcripts and the
 * web page's event stream (serialized with a {@code type} field). {@code seq} counts from 1 per chat.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChatEvent.BotMessageEvent.class, name = "message"),
        @JsonSubTypes.Type(value = ChatEvent.MessageDeleted.class, name = "deleted"),
        @JsonSubTypes.Type(value = ChatEvent.CallbackAnswered.class, name = "callbackAnswer"),
        @JsonSubTypes.Type(value = ChatEvent.UserAction.class, name = "user"),
        @JsonSubTypes.Type(value = ChatEvent.PreCheckoutAnswered.class, name = "preCheckoutAnswer"),
        @JsonSubTypes.Type(value = ChatEvent.PaymentMade.class, name = "payment"),
        @JsonSubTypes.Type(value = ChatEvent.PaymentRefunded.class, name = "refund"),
        @JsonSubTypes.Type(value = ChatEvent.MemberPost.class, name = "memberPost")})
public sealed interface ChatEvent {

    long seq();

    /** The bot sent a message, or edited one ({@code message.edited()}). */
    record BotMessageEvent(long seq, BotMessage message) implements ChatEvent {
    }

    record MessageDeleted(long seq, int messageId) implements ChatEvent {
    }

    record CallbackAnswered(long seq, CallbackAnswer answer) implements ChatEvent {
    }

    /**
     * The user did something that became update {@code updateId}: {@code kind} is "text", "contact",
     * "callback", "photo" or "pre_checkout" (the user confirmed a payment form); {@code text} is what a person
     * would see of it.
     */
    record UserAction(long seq, long updateId, String kind, String text) implements ChatEvent {
    }

    /** The bot answered a pre-checkout query in this chat. */
    record PreCheckoutAnswered(long seq, PreCheckoutAnswer answer) implements ChatEvent {
    }

    /** Telegram charged the user and told the bot with a successful_payment message, update {@code updateId}. */
    record PaymentMade(long seq, long updateId, Charge charge) implements ChatEvent {
    }

    /** Telegram refunded a charge and told the bot with a refunded_payment message, update {@code updateId}. */
    record PaymentRefunded(long seq, long updateId, Refund refund) implements ChatEvent {
    }

    /**
     * A member of a group posted in it (in forum topic {@code threadId}, 0 for none), which became update
     * {@code updateId}; {@code kind} and {@code text} as for {@link UserAction}.
     */
    record MemberPost(long seq, long updateId, int threadId, long fromId, String fromName, String kind, String text)
            implements ChatEvent {
    }
}
