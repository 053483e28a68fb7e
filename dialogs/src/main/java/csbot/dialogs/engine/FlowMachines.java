package csbot.dialogs.engine;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.listener.StateMachineListenerAdapter;
import org.springframework.statemachine.state.State;
import org.springframework.statemachine.transition.Transition;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Runs one event of a flow on a Spring Statemachine restored to the state stored in the session. Machines are
 * costly to build and not thread-safe, so each flow keeps a pool of started machines; a machine is reset before
 * every use, which makes it a pure function of (stored state, event, turn).
 */
final class FlowMachines {

    /** What the machine did: whether the event was taken, the state it rests in, and whether that is an end state. */
    record Fired(boolean accepted, String state, boolean ended) {
    }

    /**
     * A machine and whether an event-triggered transition ran in it: Spring Statemachine reports an event whose
     * guards all said no as ACCEPTED, so the result type alone cannot tell "taken" from "did not fit".
     */
    private static final class Pooled {
        final StateMachine<String, String> machine;
        volatile boolean transitioned;

        Pooled(StateMachine<String, String> machine) {
            this.machine = machine;
            // started once and then only reset: stopping and starting every turn doubled Spring Statemachine's cost
            machine.startReactively().block();
            machine.addStateListener(new StateMachineListenerAdapter<>() {
                @Override
                public void transition(Transition<String, String> transition) {
                    if (transition.getTrigger() != null) {
                        transitioned = true;
                    }
                }
            });
        }
    }

    private final Flow flow;
    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();
    private final String initialState;
    private final Set<String> states;

    FlowMachines(Flow flow) {
        this.flow = flow;
        StateMachine<String, String> first = flow.newMachine();
        this.initialState = first.getInitialState().getId();
        this.states = first.getStates().stream().map(State::getId).collect(Collectors.toUnmodifiableSet());
        idle.add(new Pooled(first));
    }

    String initialState() {
        return initialState;
    }

    boolean knows(String state) {
        return states.contains(state);
    }

    Fired fire(String state, String event, Turn turn) {
        Pooled pooled = idle.poll();
        if (pooled == null) {
            pooled = new Pooled(flow.newMachine());
        }
        StateMachine<String, String> machine = pooled.machine;
        boolean reusable = false;
        try {
            DefaultExtendedState extended = new DefaultExtendedState();
            extended.getVariables().put(Steps.TURN, turn);
            machine.getStateMachineAccessor().doWithAllRegions(access -> access
                    .resetStateMachineReactively(new DefaultStateMachineContext<>(state, null, null, extended))
                    .block());
            pooled.transitioned = false;
            StateMachineEventResult<String, String> result = machine
                    .sendEvent(Mono.just(MessageBuilder.withPayload(event).build()))
                    .blockLast();
            boolean accepted = result != null
                    && result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED
                    && pooled.transitioned
                    && turn.failure().isEmpty();
            boolean ended = machine.isComplete();
            // a machine that reached its end state ignores later resets, so it is not used again
            reusable = !ended && !machine.hasStateMachineError();
            return new Fired(accepted, machine.getState().getId(), ended);
        } finally {
            if (reusable) {
                idle.add(pooled);
            } else {
                machine.stopReactively().block();
            }
        }
    }
}
