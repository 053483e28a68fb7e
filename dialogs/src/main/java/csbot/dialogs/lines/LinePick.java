package csbot.dialogs.lines;

import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.link.LinkFlow;
import csbot.dialogs.validate.PhoneNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * The first step of every flow about one of the customer's lines: which one. A pick button names a line by its
 * position in the customer's own list, so no callback data can name anybody else's line. The flow's texts need
 * {@code noLines} and {@code pick}.
 */
public final class LinePick {

    /** The choice after {@link #route}: no line linked yet (the customer was sent to link one). */
    public static final String NO_LINES = "noLines";
    /** The choice after {@link #route}: the line is known, the flow went on with it. */
    public static final String ONE = "one";
    /** The event of a pick button; its argument is the line's position. */
    public static final String EVENT = "pick";

    private LinePick() {
    }

    /**
     * Decides the line when there is nothing to ask: the one the flow was opened on ({@code lineVar}, set by another
     * flow's button) or the only one; {@code chosen} gets its position, the outcome is {@link #ONE} unless
     * {@code chosen} sets its own. Without any line the customer links one first and then comes back to
     * {@code flowId}. With several lines no outcome is set: ask with {@link #ask}.
     */
    public static void route(Turn turn, String flowId, String lineVar, ObjIntConsumer<Turn> chosen) {
        List<LinkedLine> lines = turn.profile().lines();
        int given = turn.intVar(lineVar, -1);
        if (lines.isEmpty()) {
            turn.say(turn.t("noLines"));
            turn.continueWith(LinkFlow.ID, Map.of(LinkFlow.RETURN_TO, flowId));
            turn.outcome(NO_LINES);
        } else if (given >= 0 && given < lines.size() || lines.size() == 1) {
            turn.outcome(ONE);
            chosen.accept(turn, Math.max(given, 0));
        }
    }

    /** One button per line (masked), and {@code under} them in a row (back or cancel), if any. */
    public static void ask(Turn turn, Keyboard.Inline.Button... under) {
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        List<LinkedLine> lines = turn.profile().lines();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(List.of(turn.button("📱 " + PhoneNumbers.mask(lines.get(i).msisdn()), EVENT,
                    Integer.toString(i))));
        }
        if (under.length > 0) {
            rows.add(List.of(under));
        }
        turn.reply(turn.t("pick"), Keyboard.Inline.of(rows));
    }

    /** The guard of a pick button: it names one of the customer's own lines (forged or stale data does not). */
    public static boolean pickable(Turn turn) {
        return turn.profile().line(turn.argIndex()).isPresent();
    }

    /** The line a {@link #pickable} button named. */
    public static LinkedLine picked(Turn turn) {
        return turn.profile().line(turn.argIndex()).orElseThrow();
    }
}
