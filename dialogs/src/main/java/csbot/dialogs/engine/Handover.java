package csbot.dialogs.engine;

import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Outbound;

import java.util.List;

/**
 * Hands a customer over to a person: the agent desk. The engine calls it for /agent, the handover keywords and the
 * "talk to a person" buttons it offers after misunderstandings and failures; without one, those point to the hotline.
 */
public interface Handover {

    /**
     * Opens (or finds) the customer's ticket and says where they stand. {@code before} is the conversation as it was
     * when the customer asked, so agents see the flow and step they were in.
     */
    List<Outbound> handover(Inbound inbound, Conversation before, Lang lang, HandoverReason reason);
}
