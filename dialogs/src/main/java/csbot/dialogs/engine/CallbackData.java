package csbot.dialogs.engine;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Inline button payloads, at most 64 bytes as Telegram allows. Three shapes:
 * {@code m:<flow>} opens a flow from a menu (valid at any time), {@code h:<reason>} asks for a person (valid at any
 * time: offered after misunderstandings or a failure), {@code o:<flow>:<msisdn>[:<action>]} opens a flow on one of the
 * customer's lines from a message sent outside any flow (an alert; valid at any time, the line must be theirs), and
 * {@code <nonce>:<flow>:<event>[:<arg>]} belongs to one run of a flow: a different nonce means the button is stale.
 * Anything else is forged.
 */
public sealed interface CallbackData {

    int MAX_BYTES = 64;

    record OpenFlow(String flow) implements CallbackData {
    }

    /** "Talk to a person", offered for {@code reason} (a {@link HandoverReason} name). */
    record AskForPerson(String reason) implements CallbackData {
    }

    /**
     * Starts {@code flow} with {@link #VAR_LINE} set to the index of {@code msisdn} among the customer's lines (when
     * it is one of them) and {@link #VAR_ACTION} to {@code action} ("" for none).
     */
    record OpenFlowOn(String flow, String msisdn, String action) implements CallbackData {
    }

    /** The flow variable {@link OpenFlowOn} sets to the line's index in the profile (the top-up flow reads it too). */
    String VAR_LINE = "line";
    String VAR_ACTION = "action";

    record FlowEvent(String nonce, String flow, String event, String arg) implements CallbackData {
    }

    static String open(String flow) {
        return checked("m:" + flow);
    }

    static String askForPerson(HandoverReason reason) {
        return checked("h:" + reason.name());
    }

    static String openOn(String flow, String msisdn, String action) {
        return checked("o:" + flow + ":" + msisdn + (action.isEmpty() ? "" : ":" + action));
    }

    static String event(String nonce, String flow, String event, String arg) {
        if (event.contains(":") || flow.contains(":")) {
            throw new IllegalArgumentException("':' is the separator of callback data");
        }
        return checked(nonce + ":" + flow + ":" + event + (arg.isEmpty() ? "" : ":" + arg));
    }

    static Optional<CallbackData> parse(String data) {
        String[] parts = data.split(":", 4);
        if (parts.length == 2 && parts[0].equals("m") && !parts[1].isEmpty()) {
            return Optional.of(new OpenFlow(parts[1]));
        }
        if (parts.length == 2 && parts[0].equals("h") && !parts[1].isEmpty()) {
            return Optional.of(new AskForPerson(parts[1]));
        }
        if (parts.length >= 3 && parts[0].equals("o") && !parts[1].isEmpty() && parts[2].startsWith("+")) {
            return Optional.of(new OpenFlowOn(parts[1], parts[2], parts.length == 4 ? parts[3] : ""));
        }
        if (parts.length >= 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty()) {
            return Optional.of(new FlowEvent(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : ""));
        }
        return Optional.empty();
    }

    private static String checked(String data) {
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback data over " + MAX_BYTES + " bytes: " + data);
        }
        return data;
    }
}
