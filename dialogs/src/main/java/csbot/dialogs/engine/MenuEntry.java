package csbot.dialogs.engine;

/**
 * A flow's place in the main menu, the reply keyboard, /help and its own command. The texts come from the
 * flow's bundle: {@code menu.label} (button), {@code menu.help} (one line for /help).
 *
 * @param order   position in the menu, smallest first
 * @param command the command that starts the flow, without slash, e.g. {@code balance}
 */
public record MenuEntry(int order, String command) {
}
