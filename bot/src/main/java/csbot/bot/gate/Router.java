package csbot.bot.gate;

import csbot.bot.alerts.AlertLinks;
import csbot.bot.desk.AgentDesk;
import csbot.dialogs.engine.Conversation;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Outbound;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides who answers an update. Customers talk to the bot in private chats; the dialog engine answers them, unless
 * a person does: while a customer's ticket is open the agent desk takes their messages. Messages in the agents group
 * go to the desk. Anything sent to the bot elsewhere (other groups it was added to) is ignored.
 */
@Component
public final class Router {

    private final DialogEngine engine;
    private final Optional<AgentDesk> desk;
    private final AlertLinks alertLinks;

    public Router(DialogEngine engine, Optional<AgentDesk> desk, AlertLinks alertLinks) {
        this.engine = engine;
        this.desk = desk;
        this.alertLinks = alertLinks;
    }

    public boolean accepts(Inbound inbound) {
        return inbound.origin().isPrivateChat() || isAgentsGroup(inbound);
    }

    /** A message in the agents group: not a customer's, so no customer's rate limit either. */
    public boolean isAgentsGroup(Inbound inbound) {
        return desk.isPresent() && desk.get().isAgentsGroup(inbound.origin().chatId());
    }

    public Conversation.Turned route(Conversation conversation, Inbound inbound) {
        Conversation.Turned turned = answer(conversation, inbound);
        // a line linked in this turn gets its alerts turned on
        alertLinks.afterTurn(inbound.origin(), conversation.profile(), turned.profile());
        return turned;
    }

    private Conversation.Turned answer(Conversation conversation, Inbound inbound) {
        if (desk.isEmpty()) {
            return engine.step(conversation, inbound);
        }
        if (isAgentsGroup(inbound)) {
            return desk.get().agentTurn(conversation, inbound);
        }
        return desk.get().customerTurn(conversation, inbound).orElseGet(() -> {
            Conversation.Turned turned = engine.step(conversation, inbound);
            desk.get().remember(inbound, turned.out());
            return turned;
        });
    }

    public Outbound.AnswerPreCheckout preCheckout(Inbound.PreCheckout query, UserProfile profile) {
        return engine.preCheckout(query, profile);
    }

    public Outbound.AnswerPreCheckout preCheckoutTooSlow(Inbound.PreCheckout query, UserProfile profile) {
        return engine.preCheckoutTooSlow(query, profile);
    }
}
