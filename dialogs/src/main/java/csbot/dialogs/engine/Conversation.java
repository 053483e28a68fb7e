package csbot.dialogs.engine;

import csbot.dialogs.io.Outbound;

import java.util.List;

/** A chat's stored state going into a turn, and — as {@link Turned} — coming out of it. */
public record Conversation(Session session, UserProfile profile) {

    /** The outcome of one turn: the state to store and what to send. */
    public record Turned(Session session, UserProfile profile, List<Outbound> out) {

        public Turned {
            out = List.copyOf(out);
        }
    }
}
