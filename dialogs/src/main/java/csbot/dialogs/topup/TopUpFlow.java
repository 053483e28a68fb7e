package csbot.dialogs.topup;

import csbot.backend.AccountBackend;
import csbot.backend.Money;
import csbot.backend.PaymentLink;
import csbot.backend.PaymentMethodType;
import csbot.backend.SavedPaymentMethod;
import csbot.backend.TopUpOptions;
import csbot.backend.TopUpPlan;
import csbot.dialogs.lines.LinePick;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.validate.AmountRules;
import csbot.dialogs.validate.PhoneNumbers;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.outcome;
import static csbot.dialogs.engine.Steps.when;

/**
 * Top up a line: pick the line, an amount or a number-keeping plan (or type an amount), a way to pay among those
 * the operator enabled — a Telegram invoice in Stars or through the payment provider, the backend's checkout page,
 * or a card on file — then confirm. Invoices are paid after the flow has ended ({@link InvoicePayments}); a charge
 * on file is settled at once ({@link TopUpSettlement}). Confirming twice cannot pay twice: the confirm button
 * belongs to this run of the flow, which ends with the first tap, and every payment carries its order's key.
 */
@Component
public final class TopUpFlow implements Flow {

    public static final String ID = "topup";
    /** Set by another flow (the balance card) to top up the customer's line at this position. */
    public static final String VAR_LINE_INDEX = "line";

    static final String ENTRY = "ENTRY";
    static final String PICK_LINE = "PICK_LINE";
    static final String AMOUNT = "AMOUNT";
    static final String CUSTOM = "CUSTOM";
    static final String METHOD = "METHOD";
    static final String CONFIRM = "CONFIRM";
    static final String DONE = "DONE";
    private static final String ROUTE = "ROUTE";
    private static final String TYPED = "TYPED";
    private static final String PAYING = "PAYING";

    private static final String OK = "ok";
    private static final String END = "end";

    private static final String STARS = "stars";
    private static final String FIAT = "fiat";
    private static final String LINK = "link";
    private static final String SAVED = "saved";

    private final AccountBackend backend;
    private final PaymentSettings payments;
    private final PaymentLedger ledger;
    private final TopUpSettlement settlement;
    private final Clock clock;
    private final NonceSource orders = new NonceSource(12);

    public TopUpFlow(AccountBackend backend, PaymentSettings payments, PaymentLedger ledger,
                     TopUpSettlement settlement, Clock clock) {
        this.backend = backend;
        this.payments = payments;
        this.ledger = ledger;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Texts texts() {
        return TopUpNotices.TEXTS;
    }

    @Override
    public Optional<MenuEntry> menuEntry() {
        return Optional.of(new MenuEntry(15, "topup"));
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates()
                    .initial(ENTRY)
                    .choice(ROUTE).choice(TYPED).choice(PAYING)
                    .states(Set.of(ENTRY, PICK_LINE, AMOUNT, CUSTOM, METHOD, CONFIRM))
                    .end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(ROUTE).event(Events.START).action(act(this::route)).and()
                    .withChoice().source(ROUTE)
                    .first(DONE, outcome(LinePick.NO_LINES))
                    .then(AMOUNT, outcome(LinePick.ONE))
                    .last(PICK_LINE, act(this::askWhichLine)).and()
                    .withExternal().source(PICK_LINE).target(AMOUNT).event(LinePick.EVENT).guard(when(LinePick::pickable))
                    .action(act(this::pickLine)).and()

                    .withExternal().source(AMOUNT).target(METHOD).event("preset").guard(when(this::validPreset))
                    .action(act(this::choosePreset)).and()
                    .withExternal().source(AMOUNT).target(METHOD).event("plan").guard(when(this::validPlan))
                    .action(act(this::choosePlan)).and()
                    .withExternal().source(AMOUNT).target(CUSTOM).event("custom").action(act(this::askAmount)).and()
                    .withExternal().source(AMOUNT).target(TYPED).event(Events.TEXT).action(act(this::takeTyped)).and()
                    .withExternal().source(CUSTOM).target(TYPED).event(Events.TEXT).action(act(this::takeTyped)).and()
                    .withChoice().source(TYPED).first(METHOD, outcome(OK)).last(CUSTOM).and()

                    .withExternal().source(METHOD).target(CONFIRM).event("method").guard(when(this::validMethod))
                    .action(act(this::chooseMethod)).and()
                    .withExternal().source(CUSTOM).target(AMOUNT).event("back").action(act(this::showAmounts)).and()
                    .withExternal().source(METHOD).target(AMOUNT).event("back").action(act(this::showAmounts)).and()
                    .withExternal().source(CONFIRM).target(AMOUNT).event("back").action(act(this::showAmounts)).and()
                    .withExternal().source(CONFIRM).target(PAYING).event("pay").action(act(this::pay)).and()
                    .withChoice().source(PAYING).first(DONE, outcome(END)).last(CONFIRM).and()

                    .withExternal().source(PICK_LINE).target(DONE).event("cancel").action(act(this::cancelled)).and()
                    .withExternal().source(AMOUNT).target(DONE).event("cancel").action(act(this::cancelled)).and()
                    .withExternal().source(CUSTOM).target(DONE).event("cancel").action(act(this::cancelled)).and()
                    .withExternal().source(METHOD).target(DONE).event("cancel").action(act(this::cancelled)).and()
                    .withExternal().source(CONFIRM).target(DONE).event("cancel").action(act(this::cancelled));
        });
    }

    // ---- which line

    private void route(Turn turn) {
        LinePick.route(turn, ID, VAR_LINE_INDEX,
                (t, line) -> selectLine(t, t.profile().line(line).orElseThrow().msisdn()));
    }

    private void askWhichLine(Turn turn) {
        LinePick.ask(turn, cancelButton(turn));
    }

    private void pickLine(Turn turn) {
        selectLine(turn, LinePick.picked(turn).msisdn());
    }

    /** Reads the line's options once and keeps what the next steps need. */
    private void selectLine(Turn turn, String msisdn) {
        TopUpOptions options = backend.topUpOptions(msisdn);
        turn.put("msisdn", msisdn);
        OptionsVars.store(turn, options);
        showAmounts(turn);
    }

    // ---- how much

    private void showAmounts(Turn turn) {
        TopUpOptions options = OptionsVars.read(turn);
        Lang lang = turn.lang();
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        List<Keyboard.Inline.Button> presets = new ArrayList<>();
        for (int i = 0; i < options.presets().size(); i++) {
            presets.add(turn.button(TopUpNotices.money(lang, new Money(options.presets().get(i), options.currency())),
                    "preset", Integer.toString(i)));
        }
        for (int i = 0; i < presets.size(); i += 4) {
            rows.add(presets.subList(i, Math.min(i + 4, presets.size())));
        }
        for (int i = 0; i < options.plans().size(); i++) {
            TopUpPlan plan = options.plans().get(i);
            rows.add(List.of(turn.button(turn.t("button.plan", "days", plan.days(),
                    "price", TopUpNotices.money(lang, new Money(plan.price(), options.currency()))),
                    "plan", Integer.toString(i))));
        }
        rows.add(List.of(turn.button(turn.t("button.custom"), "custom"), cancelButton(turn)));
        turn.reply(turn.t("amount", "number", PhoneNumbers.mask(turn.var("msisdn").orElseThrow())),
                Keyboard.Inline.of(rows));
    }

    private boolean validPreset(Turn turn) {
        int index = turn.argIndex();
        return index >= 0 && index < OptionsVars.read(turn).presets().size();
    }

    private boolean validPlan(Turn turn) {
        int index = turn.argIndex();
        return index >= 0 && index < OptionsVars.read(turn).plans().size();
    }

    private void choosePreset(Turn turn) {
        chooseAmount(turn, OptionsVars.read(turn).presets().get(turn.argIndex()), Optional.empty());
    }

    private void choosePlan(Turn turn) {
        TopUpPlan plan = OptionsVars.read(turn).plans().get(turn.argIndex());
        chooseAmount(turn, plan.price(), Optional.of(plan));
    }

    private void askAmount(Turn turn) {
        TopUpOptions options = OptionsVars.read(turn);
        turn.reply(turn.t("custom", "min", TopUpNotices.money(turn.lang(), new Money(options.customMin(),
                        options.currency())), "max", TopUpNotices.money(turn.lang(), new Money(options.customMax(),
                        options.currency()))),
                Keyboard.Inline.of(List.of(List.of(turn.button(turn.t("button.back"), "back"), cancelButton(turn)))));
    }

    private void takeTyped(Turn turn) {
        TopUpOptions options = OptionsVars.read(turn);
        AmountRules.Typed typed = AmountRules.typed(options, turn.text());
        if (typed instanceof AmountRules.Invalid invalid) {
            // "at most 0 decimal places, e.g. 25.50" would read oddly for a currency topped up in whole units (HKD)
            String problem = "decimals".equals(invalid.problem()) && options.maxDecimals() == 0
                    ? "whole" : invalid.problem();
            turn.say(turn.t("typed." + problem,
                    "min", TopUpNotices.money(turn.lang(), new Money(options.customMin(), options.currency())),
                    "max", TopUpNotices.money(turn.lang(), new Money(options.customMax(), options.currency())),
                    "decimals", options.maxDecimals()));
            return;
        }
        chooseAmount(turn, ((AmountRules.Valid) typed).amount(), Optional.empty());
        turn.outcome(OK);
    }

    private void chooseAmount(Turn turn, BigDecimal amount, Optional<TopUpPlan> plan) {
        turn.put("amount", amount.toPlainString());
        turn.put("plan", plan.map(TopUpPlan::id).orElse(""));
        turn.put("days", plan.map(TopUpPlan::days).orElse(0));
        showMethods(turn);
    }

    // ---- how to pay

    private void showMethods(Turn turn) {
        Money amount = chosenAmount(turn);
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        InvoiceTotal.stars(payments, amount).ifPresent(stars -> rows.add(List.of(turn.button(
                turn.t("method.stars", "stars", stars.amount()), "method", STARS))));
        if (payments.provider()) {
            rows.add(List.of(turn.button(turn.t("method.fiat"), "method", FIAT)));
        }
        if (payments.paymentLink()) {
            rows.add(List.of(turn.button(turn.t("method.link"), "method", LINK)));
        }
        List<SavedPaymentMethod> saved = savedMethods(turn);
        turn.put("savedCount", saved.size());
        for (int i = 0; i < saved.size(); i++) {
            rows.add(List.of(turn.button(turn.t("method.saved", "label", saved.get(i).label()), "method",
                    SAVED + i)));
        }
        rows.add(List.of(turn.button(turn.t("button.back"), "back"), cancelButton(turn)));
        turn.reply(turn.t("method", "amount", describe(turn, amount)), Keyboard.Inline.of(rows));
    }

    private List<SavedPaymentMethod> savedMethods(Turn turn) {
        return payments.savedMethod() ? backend.savedPaymentMethods(turn.var("msisdn").orElseThrow()) : List.of();
    }

    private boolean validMethod(Turn turn) {
        String method = turn.arg();
        return switch (method) {
            case STARS -> InvoiceTotal.stars(payments, chosenAmount(turn)).isPresent();
            case FIAT -> payments.provider();
            case LINK -> payments.paymentLink();
            // only a saved method that was offered: a forged index is an expired button, not a failed step
            default -> method.matches(SAVED + "\\d") && payments.savedMethod()
                    && Integer.parseInt(method.substring(SAVED.length())) < turn.intVar("savedCount", 0);
        };
    }

    private void chooseMethod(Turn turn) {
        String method = turn.arg();
        if (method.startsWith(SAVED)) {
            int index = Integer.parseInt(method.substring(SAVED.length()));
            List<SavedPaymentMethod> saved = savedMethods(turn);
            if (index >= saved.size()) {
                throw new IllegalStateException("saved payment method gone while choosing");
            }
            turn.put("savedId", saved.get(index).id());
            turn.put("savedLabel", saved.get(index).label());
            method = SAVED;
        }
        turn.put("method", method);
        turn.put("order", orders.next());
        Money amount = chosenAmount(turn);
        String paidBy = switch (method) {
            case STARS -> turn.t("confirm.stars", "stars", InvoiceTotal.stars(payments, amount).orElseThrow().amount());
            case FIAT -> turn.t("confirm.fiat");
            case LINK -> turn.t("confirm.link");
            default -> turn.t("confirm.saved", "label", turn.var("savedLabel").orElseThrow());
        };
        turn.reply(turn.t("confirm", "number", PhoneNumbers.mask(turn.var("msisdn").orElseThrow()),
                        "amount", describe(turn, amount), "method", paidBy),
                Keyboard.Inline.of(List.of(
                        List.of(turn.button(turn.t("button.pay"), "pay")),
                        List.of(turn.button(turn.t("button.change"), "back"), cancelButton(turn)))));
    }

    // ---- pay

    private void pay(Turn turn) {
        switch (turn.var("method").orElseThrow()) {
            case STARS, FIAT -> sendInvoice(turn);
            case LINK -> sendPaymentLink(turn);
            default -> chargeSavedMethod(turn);
        }
        turn.outcome(END);
    }

    private void sendInvoice(Turn turn) {
        Money amount = chosenAmount(turn);
        String msisdn = turn.var("msisdn").orElseThrow();
        InvoiceTotal total = (STARS.equals(turn.var("method").orElseThrow())
                ? InvoiceTotal.stars(payments, amount) : InvoiceTotal.fiat(payments, amount)).orElseThrow();
        String payload = new InvoicePayload(turn.var("order").orElseThrow(), turn.chatId(), msisdn,
                amount.amount().toPlainString(), amount.currency(), turn.var("plan").orElse(""),
                clock.instant().plus(payments.invoiceValidity())).sign(payments.payloadSecret());
        String title = turn.t("invoice.title", "price", TopUpNotices.money(turn.lang(), amount));
        turn.reply(turn.t("invoice.sent", "minutes", payments.invoiceValidity().toMinutes()), Keyboard.Inline.empty());
        turn.send(List.of(new Outbound.Invoice(turn.chatId(), title,
                turn.t("invoice.description", "number", PhoneNumbers.mask(msisdn), "amount", describe(turn, amount)),
                payload, total.currency(), total.amount(), title)));
    }

    private void sendPaymentLink(Turn turn) {
        Money amount = chosenAmount(turn);
        String msisdn = turn.var("msisdn").orElseThrow();
        PaymentLink link = backend.createPaymentLink(msisdn, amount, turn.var("plan").orElse(""),
                turn.var("order").orElseThrow());
        Payment payment = new Payment(link.id(), turn.chatId(), turn.inbound().origin().userId(), turn.lang().tag(),
                msisdn, amount, link.planId(), amount, PaymentMethodType.PAYMENT_LINK, link.id(), "", "",
                Payment.State.APPLYING, 0, "", clock.millis());
        if (ledger.open(payment)) {
            ledger.dueAt(payment.key(), clock.instant().plusSeconds(60));
        }
        turn.reply(turn.t("link.sent"), Keyboard.Inline.of(List.of(
                List.of(Keyboard.Inline.Button.link(turn.t("button.openLink"), link.url())))));
    }

    private void chargeSavedMethod(Turn turn) {
        Money amount = chosenAmount(turn);
        Payment payment = new Payment(turn.var("order").orElseThrow(), turn.chatId(),
                turn.inbound().origin().userId(), turn.lang().tag(), turn.var("msisdn").orElseThrow(), amount,
                turn.var("plan").orElse(""), amount, PaymentMethodType.SAVED_METHOD,
                turn.var("savedId").orElseThrow(), "", "", Payment.State.APPLYING, 0, "", clock.millis());
        turn.reply(turn.t("saved.charging", "label", turn.var("savedLabel").orElseThrow()), Keyboard.Inline.empty());
        if (ledger.open(payment)) {
            turn.send(settlement.settle(payment));
        }
    }

    private void cancelled(Turn turn) {
        turn.reply(turn.t("cancelled"), Keyboard.Inline.empty());
    }

    // ---- helpers

    private Keyboard.Inline.Button cancelButton(Turn turn) {
        return turn.button(turn.t("button.cancel"), "cancel");
    }

    private static Money chosenAmount(Turn turn) {
        return new Money(new BigDecimal(turn.var("amount").orElseThrow()), turn.var("cur").orElseThrow());
    }

    private static String describe(Turn turn, Money amount) {
        int days = turn.intVar("days", 0);
        String money = TopUpNotices.money(turn.lang(), amount);
        return days == 0 ? money : turn.t("plan.long", "days", days, "price", money);
    }

    /** The options a line's next steps need, kept compactly in the session. */
    private static final class OptionsVars {

        static void store(Turn turn, TopUpOptions options) {
            turn.put("cur", options.currency());
            turn.put("presets", String.join(",", options.presets().stream().map(BigDecimal::toPlainString).toList()));
            turn.put("plans", String.join(";", options.plans().stream()
                    .map(p -> p.id() + ":" + p.days() + ":" + p.price().toPlainString()).toList()));
            turn.put("min", options.customMin().toPlainString());
            turn.put("max", options.customMax().toPlainString());
            turn.put("dec", options.maxDecimals());
        }

        static TopUpOptions read(Turn turn) {
            String presets = turn.var("presets").orElse("");
            String plans = turn.var("plans").orElse("");
            return new TopUpOptions(turn.var("cur").orElseThrow(),
                    presets.isEmpty() ? List.of() : Arrays.stream(presets.split(",")).map(BigDecimal::new).toList(),
                    plans.isEmpty() ? List.of() : Arrays.stream(plans.split(";")).map(plan -> {
                        String[] parts = plan.split(":");
                        BigDecimal price = new BigDecimal(parts[2]);
                        // name and credit are not needed after the plan was shown, so they are not kept
                        return new TopUpPlan(parts[0], parts[0], Integer.parseInt(parts[1]), price, price);
                    }).toList(),
                    new BigDecimal(turn.var("min").orElseThrow()), new BigDecimal(turn.var("max").orElseThrow()),
                    turn.intVar("dec", 2));
        }
    }
}
