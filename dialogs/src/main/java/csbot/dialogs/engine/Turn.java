package csbot.dialogs.engine;

import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One update being handled by one flow: what came in, the flow's variables, the user's profile, and what to send.
 * Guards and actions of a flow machine get it with {@link Steps#turn}. Nothing here touches Redis or Telegram; the
 * engine stores the outcome when the machine has moved.
 */
public final class Turn {

    private final Flow flow;
    private final Inbound inbound;
    private final Lang lang;
    private final String nonce;
    private final String arg;
    private final Map<String, String> vars;
    private final TurnServices services;
    private final List<Outbound> out = new ArrayList<>();
    private UserProfile profile;
    private String outcome = "";
    private Optional<FlowSwitch> switchTo = Optional.empty();
    private Optional<RuntimeException> failure = Optional.empty();

    Turn(Flow flow, Inbound inbound, Lang lang, String nonce, String arg, Map<String, String> vars,
         UserProfile profile, TurnServices services) {
        this.flow = flow;
        this.inbound = inbound;
        this.lang = lang;
        this.nonce = nonce;
        this.arg = arg;
        this.vars = new HashMap<>(vars);
        this.profile = profile;
        this.services = services;
    }

    record FlowSwitch(String flow, Map<String, String> args) {
    }

    // ---- what came in

    public Inbound inbound() {
        return inbound;
    }

    public long chatId() {
        return inbound.origin().chatId();
    }

    public Lang lang() {
        return lang;
    }

    public String firstName() {
        return inbound.origin().firstName();
    }

    /** The text typed, "" for anything else. */
    public String text() {
        return inbound instanceof Inbound.Text t ? t.text().strip() : "";
    }

    /** The argument of the tapped button, or of the flow start ("" if none). */
    public String arg() {
        return arg;
    }

    /** {@link #arg()} as a list index, -1 when it is not one (forged data). */
    public int argIndex() {
        return arg.matches("\\d{1,2}") ? Integer.parseInt(arg) : -1;
    }

    public Instant now() {
        return services.clock().instant();
    }

    public Clock clock() {
        return services.clock();
    }

    public DialogSettings settings() {
        return services.settings();
    }

    // ---- the flow's variables and the user's profile

    public Optional<String> var(String name) {
        return Optional.ofNullable(vars.get(name));
    }

    public int intVar(String name, int otherwise) {
        String value = vars.get(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    public void put(String name, String value) {
        vars.put(name, value);
    }

    public void put(String name, int value) {
        vars.put(name, Integer.toString(value));
    }

    public void remove(String name) {
        vars.remove(name);
    }

    Map<String, String> vars() {
        return Map.copyOf(vars);
    }

    public UserProfile profile() {
        return profile;
    }

    public void profile(UserProfile changed) {
        this.profile = changed;
    }

    // ---- texts and messages

    /** A text of this flow (or a common one) in the user's language: {@code t("balance.money", "amount", x)}. */
    public String t(String key, Object... namesAndValues) {
        Texts texts = flow.texts().has(key) ? flow.texts() : services.commonTexts();
        return texts.get(lang, key, namesAndValues);
    }

    public void say(String text) {
        say(text, Keyboard.NONE);
    }

    public void say(String text, Keyboard keyboard) {
        out.add(new Outbound.Say(chatId(), text, keyboard));
    }

    /** Answers a button in place (the message with the button is edited), anything else with a new message. */
    public void reply(String text, Keyboard.Inline keyboard) {
        if (inbound instanceof Inbound.Button b && b.messageId() > 0) {
            out.add(new Outbound.Edit(chatId(), b.messageId(), text, keyboard));
        } else {
            say(text, keyboard);
        }
    }

    /** Anything else to send: an invoice, or what a payment's settlement says. */
    public void send(List<Outbound> outbound) {
        out.addAll(outbound);
    }

    /** A short notice on the tapped button; ignored when the update was not a tap. */
    public void toast(String text) {
        if (inbound instanceof Inbound.Button b) {
            out.add(new Outbound.AnswerCallback(chatId(), b.callbackId(), text, false));
        }
    }

    /** A button of this run of the flow: tapping it fires {@code event} with {@code arg}. */
    public Keyboard.Inline.Button button(String label, String event, String arg) {
        return Keyboard.Inline.Button.callback(label, CallbackData.event(nonce, flow.id(), event, arg));
    }

    public Keyboard.Inline.Button button(String label, String event) {
        return button(label, event, "");
    }

    /** The main menu's reply keyboard, to put back when a flow that replaced it ends. */
    public Keyboard.Reply mainKeyboard(Lang in) {
        return services.menu().replyKeyboard(in);
    }

    public Keyboard.Reply mainKeyboard() {
        return mainKeyboard(lang);
    }

    /** The inline main menu, e.g. for a "back" button to turn a result into the menu again. */
    public Keyboard.Inline mainMenu() {
        return services.menu().inlineMenu(lang);
    }

    /** A button that opens another flow (from the menu or a result), valid whatever the session's nonce. */
    public Keyboard.Inline.Button openButton(String label, String flowId) {
        return Keyboard.Inline.Button.callback(label, CallbackData.open(flowId));
    }

    List<Outbound> out() {
        return out;
    }

    // ---- where the conversation goes next

    /** Records what an action found out, for the guards of a choice state to read. */
    public void outcome(String outcome) {
        this.outcome = outcome;
    }

    public String outcome() {
        return outcome;
    }

    /**
     * When this turn brings the flow to its end state, start {@code flowId} next with {@code vars} as its variables
     * (balance without a linked line goes on to linking one).
     */
    public void continueWith(String flowId, Map<String, String> vars) {
        switchTo = Optional.of(new FlowSwitch(flowId, Map.copyOf(vars)));
    }

    public String commonText(Lang in, String key, Object... namesAndValues) {
        return services.commonTexts().get(in, key, namesAndValues);
    }

    public boolean hasFlow(String flowId) {
        return services.flows().contains(flowId);
    }

    Optional<FlowSwitch> switchTarget() {
        return switchTo;
    }

    void failed(RuntimeException e) {
        failure = Optional.of(e);
    }

    Optional<RuntimeException> failure() {
        return failure;
    }
}
