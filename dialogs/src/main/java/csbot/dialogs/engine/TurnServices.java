package csbot.dialogs.engine;

import csbot.dialogs.i18n.Texts;

import java.time.Clock;
import java.util.Set;

/** What the engine lends every turn. */
record TurnServices(Texts commonTexts, MainMenu menu, Set<String> flows, Clock clock, DialogSettings settings) {
}
