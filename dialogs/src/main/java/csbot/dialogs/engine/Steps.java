package csbot.dialogs.engine;

import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.guard.Guard;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Glue between Spring Statemachine and a {@link Turn}: flows write their guards and actions as plain methods on a
 * turn. An action that throws (a backend failure, a bug) stops the transition — Spring Statemachine then denies the
 * event and the machine stays where it was — and the engine answers with an apology instead of losing the state.
 */
public final class Steps {

    static final String TURN = "csbot.turn";

    private Steps() {
    }

    public static Turn turn(StateContext<String, String> context) {
        return (Turn) context.getExtendedState().getVariables().get(TURN);
    }

    public static Action<String, String> act(Consumer<Turn> step) {
        return context -> {
            Turn turn = turn(context);
            try {
                step.accept(turn);
            } catch (RuntimeException e) {
                turn.failed(e);
                throw e;
            }
        };
    }

    public static Guard<String, String> when(Predicate<Turn> test) {
        return context -> test.test(turn(context));
    }

    /** A guard for choice states: the last action reported this outcome. */
    public static Guard<String, String> outcome(String outcome) {
        return context -> outcome.equals(turn(context).outcome());
    }
}
