package csbot.dialogs.orders;

import csbot.backend.AccountBackend;
import csbot.backend.OrderState;
import csbot.backend.ProductOrder;
import csbot.backend.Rejected;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.reissue.ReissueOrders;
import csbot.dialogs.validate.PhoneNumbers;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.when;

/**
 * "My orders": the open and recent reissue orders of every linked line, newest first, with their state, the trouble
 * ticket of a failed or rejected one, and a cancel button for an order whose work has not started yet — the way out
 * the backend's notice on the other channel points to. What an order's lost events would have said (its
 * completion, an eSIM's activation code) is said here instead, once.
 */
@Component
public final class OrdersFlow implements Flow {

    public static final String ID = "ord";

    static final String ENTRY = "ENTRY";
    static final String SHOWN = "SHOWN";
    static final String DONE = "DONE";

    /** Recent orders shown per line. */
    private static final int SHOWN_PER_LINE = 5;
    /** The orders the cancel buttons stand for, by position: a button cannot name another customer's order. */
    private static final String V_CANCELLABLE = "cancellable";

    private final AccountBackend backend;
    private final ReissueOrders orders;
    private final Texts texts = Texts.load("csbot/dialogs/orders/texts");

    public OrdersFlow(AccountBackend backend, ReissueOrders orders) {
        this.backend = backend;
        this.orders = orders;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Texts texts() {
        return texts;
    }

    @Override
    public Optional<MenuEntry> menuEntry() {
        return Optional.of(new MenuEntry(31, "orders"));
    }

    @Override
    public Set<String> restingStates() {
        return Set.of(SHOWN);
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates().initial(ENTRY).states(Set.of(ENTRY, SHOWN)).end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(SHOWN).event(Events.START).action(act(t -> show(t, ""))).and()
                    .withExternal().source(SHOWN).target(SHOWN).event("refresh").action(act(t -> show(t, ""))).and()
                    .withExternal().source(SHOWN).target(SHOWN).event("cancel").guard(when(this::cancellable))
                    .action(act(this::cancel)).and()
                    .withExternal().source(SHOWN).target(DONE).event("back").action(act(this::back));
        });
    }

    private void show(Turn turn, String header) {
        List<LinkedLine> lines = turn.profile().lines();
        StringBuilder text = new StringBuilder(header.isEmpty() ? "" : header + "\n\n").append(turn.t("title"));
        List<String> cancellable = new ArrayList<>();
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        boolean any = false;
        for (LinkedLine line : lines) {
            for (ProductOrder order : backend.productOrders(line.msisdn()).stream().limit(SHOWN_PER_LINE).toList()) {
                any = true;
                turn.send(orders.catchUp(order, turn.chatId()));
                text.append("\n\n").append(turn.t("order", "order", order.id(),
                        "number", PhoneNumbers.mask(order.msisdn()), "reason", turn.t("reason." + order.reason().wire()),
                        "date", Formats.date(turn.lang(), order.orderDate().toLocalDate()),
                        "state", turn.t("state." + order.state().name())));
                if (order.state() == OrderState.FAILED || order.state() == OrderState.REJECTED) {
                    text.append("\n").append(orders.ticketOf(order.id())
                            .map(ticket -> turn.t("ticket", "ticket", ticket))
                            .orElseGet(() -> turn.t("ticket.none", "hotline", turn.settings().hotline())));
                }
                if (order.state() == OrderState.ACKNOWLEDGED) {
                    rows.add(List.of(turn.button(turn.t("button.cancelOrder", "order", order.id()), "cancel",
                            Integer.toString(cancellable.size()))));
                    cancellable.add(order.id());
                }
            }
        }
        if (!any) {
            text.append("\n\n").append(turn.t(lines.isEmpty() ? "noLines" : "none"));
        }
        turn.put(V_CANCELLABLE, String.join(",", cancellable));
        rows.add(List.of(turn.button(turn.t("button.refresh"), "refresh"), turn.button(turn.t("button.back"), "back")));
        turn.reply(text.toString(), Keyboard.Inline.of(rows));
    }

    private boolean cancellable(Turn turn) {
        int index = turn.argIndex();
        return index >= 0 && index < cancellableIds(turn).size();
    }

    private static List<String> cancellableIds(Turn turn) {
        String ids = turn.var(V_CANCELLABLE).orElse("");
        return ids.isEmpty() ? List.of() : List.of(ids.split(","));
    }

    private void cancel(Turn turn) {
        String id = cancellableIds(turn).get(turn.argIndex());
        try {
            backend.cancelProductOrder(id);
            show(turn, turn.t("cancelled", "order", id));
        } catch (Rejected tooLate) {
            show(turn, turn.t("tooLate", "order", id));
        }
    }

    private void back(Turn turn) {
        turn.reply(turn.t("menu.choose"), turn.mainMenu());
    }
}
