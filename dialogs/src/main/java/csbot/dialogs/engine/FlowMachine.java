package csbot.dialogs.engine;

import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;

/** Builds a flow's Spring Statemachine: not started (the engine restores and starts it per update). */
public final class FlowMachine {

    /** States and transitions of one flow, written against Spring Statemachine's builder. */
    @FunctionalInterface
    public interface Definition {
        void define(StateMachineBuilder.Builder<String, String> builder) throws Exception;
    }

    private FlowMachine() {
    }

    public static StateMachine<String, String> build(String flowId, Definition definition) {
        try {
            StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false).machineId(flowId);
            definition.define(builder);
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("definition of flow " + flowId, e);
        }
    }
}
