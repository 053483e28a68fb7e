package csbot.bot.gate;

import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Outbound;
import org.springframework.stereotype.Component;

/**
 * Decides who answers an update. Customers talk to the bot in private chats; the dialog engine answers them.
 * Anything sent to the bot elsewhere (groups it was added to) is not a customer conversation and is ignored.
 */
@Component
public final class Router {

    private final DialogEngine engine;

    public Router(DialogEngine engine) {
        this.engine = engine;
    }

    public boolean accepts(Inbound inbound) {
        return inbound.origin().isPrivateChat();
    }

    public Conversation.Turned route(Conversation conversation, Inbound inbound) {
        return engine.step(conversation, inbound);
    }

    public Outbound.AnswerPreCheckout preCheckout(Inbound.PreCheckout query, UserProfile profile) {
        return engine.preCheckout(query, profile);
    }

    public Outbound.AnswerPreCheckout preCheckoutTooSlow(Inbound.PreCheckout query, UserProfile profile) {
        return engine.preCheckoutTooSlow(query, profile);
    }
}
