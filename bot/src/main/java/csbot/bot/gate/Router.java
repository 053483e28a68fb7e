package csbot.bot.gate;

import csbot.bot.alerts.AlertLinks;
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
    private final AlertLinks alertLinks;

    public Router(DialogEngine engine, AlertLinks alertLinks) {
        this.engine = engine;
        this.alertLinks = alertLinks;
    }

    public boolean accepts(Inbound inbound) {
        return inbound.origin().isPrivateChat();
    }

    public Conversation.Turned route(Conversation conversation, Inbound inbound) {
        Conversation.Turned turned = engine.step(conversation, inbound);
        alertLinks.afterTurn(inbound.origin(), conversation.profile(), turned.profile());
        return turned;
    }

    public Outbound.AnswerPreCheckout preCheckout(Inbound.PreCheckout query, UserProfile profile) {
        return engine.preCheckout(query, profile);
    }

    public Outbound.AnswerPreCheckout preCheckoutTooSlow(Inbound.PreCheckout query, UserProfile profile) {
        return engine.preCheckoutTooSlow(query, profile);
    }
}
