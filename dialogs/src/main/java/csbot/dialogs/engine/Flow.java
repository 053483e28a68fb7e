package csbot.dialogs.engine;

import csbot.dialogs.i18n.Texts;
import org.springframework.statemachine.StateMachine;

import java.util.Optional;
import java.util.Set;

/**
 * One customer journey (balance, link line, top-up …) as a Spring Statemachine definition. States and events are
 * strings so the engine can store the state in our own JSON and restore it. Inbound maps to events: {@link
 * Events#START} when the flow begins, {@link Events#TEXT}, {@link Events#CONTACT}, {@link Events#MEDIA}, and a
 * tapped button of this flow fires the event named in its callback data. Guards and actions reach the turn through
 * {@link Steps}. A flow is over when its machine reaches an end state. Each flow lives in its own package with its texts ({@code texts_zh_CN.properties},
 * {@code texts_en.properties}) and is found by the engine as a Spring bean: adding one touches no other flow.
 */
public interface Flow {

    /** Short and stable (it is stored in sessions and callback data): {@code bal}, {@code link}. */
    String id();

    /** The flow's texts; keys not found there are looked up in the engine's common texts. */
    Texts texts();

    /** A new machine of this flow, not started ({@code autoStartup(false)}); the engine pools them. */
    StateMachine<String, String> newMachine();

    default Optional<MenuEntry> menuEntry() {
        return Optional.empty();
    }

    /** Events that may start this flow from an idle chat, e.g. a shared contact starts linking. */
    default Set<String> startEvents() {
        return Set.of(Events.START);
    }

    /**
     * States in which the flow has shown its result and merely keeps its buttons alive: free text there is routed
     * as in an idle chat instead of counting as a miss.
     */
    default Set<String> restingStates() {
        return Set.of();
    }
}
