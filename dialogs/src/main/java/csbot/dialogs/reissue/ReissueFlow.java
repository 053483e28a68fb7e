package csbot.dialogs.reissue;

import csbot.backend.AccountBackend;
import csbot.backend.Fulfilment;
import csbot.backend.LineType;
import csbot.backend.ProductOrder;
import csbot.backend.Rejected;
import csbot.backend.ReissueQuote;
import csbot.backend.ReissueReason;
import csbot.backend.ReissueRequest;
import csbot.backend.Store;
import csbot.backend.SuspensionReason;
import csbot.dialogs.audit.AuditLog;
import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.NonceSource;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.identity.IdentityCheck;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.lines.LinePick;
import csbot.dialogs.puk.PukFlow;
import csbot.dialogs.validate.DeliveryAddress;
import csbot.dialogs.validate.Eid;
import csbot.dialogs.validate.PhoneNumbers;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.outcome;
import static csbot.dialogs.engine.Steps.when;

/**
 * A new SIM or eSIM for a linked line (DESIGN §5), as safe as a carrier's shop against SIM-swap fraud: pick the line
 * (its card type decides SIM or eSIM; an account whose SIM-change lock is on is refused with how to remove it) → the
 * reason: lost or stolen (the line is offered an immediate suspension first), damaged, locked (the PUK flow is offered
 * instead), new phone (eSIM) → identity check by a code to the account's other channel → SIM: store pickup or a
 * delivery address, shown back for confirmation; eSIM: does the phone support eSIM (how to check), its EID if the
 * customer has it, back up first → the summary with the fee (taken from the balance) and the warning that the old
 * card stops working → the order. Nothing is ordered before the last tap, so /cancel or ❌ at any step leaves no
 * order. The order's progress arrives later as backend events ({@link ReissueOrders}).
 */
@Component
public final class ReissueFlow implements Flow {

    public static final String ID = "reis";

    static final String ENTRY = "ENTRY";
    static final String PICK = "PICK";
    static final String LOCK_SHOWN = "LOCK_SHOWN";
    static final String REASON = "REASON";
    static final String SUSPEND = "SUSPEND";
    static final String LOCKED_OFFER = "LOCKED_OFFER";
    static final String CODE = "CODE";
    static final String FULFIL = "FULFIL";
    static final String ADDRESS = "ADDRESS";
    static final String ADDRESS_OK = "ADDRESS_OK";
    static final String STORE = "STORE";
    static final String DEVICE = "DEVICE";
    static final String EID = "EID";
    static final String BACKUP = "BACKUP";
    static final String CONFIRM = "CONFIRM";
    static final String DONE = "DONE";
    private static final String ROUTE = "ROUTE";
    private static final String LINE_CHOSEN = "LINE_CHOSEN";
    private static final String REASON_CHOSEN = "REASON_CHOSEN";
    private static final String VERIFY = "VERIFY";
    private static final String CODE_CHECK = "CODE_CHECK";
    private static final String ADDRESS_CHECK = "ADDRESS_CHECK";
    private static final String EID_CHECK = "EID_CHECK";

    /** Outcomes actions report to the choice states. */
        private static final String OK = "ok";
    private static final String END = "end";
    private static final String ASK_SUSPEND = "suspend";
    private static final String OFFER_PUK = "puk";
    private static final String LOCKED = "locked";
    private static final String SIM = "sim";
    private static final String ESIM = "esim";

    // variables
    private static final String V_MSISDN = "msisdn";
    private static final String V_LINE = "line";
    private static final String V_CARD = "card";
    private static final String V_REASON = "reason";
    private static final String V_ADDRESS = "addr";
    private static final String V_STORE = "store";
    private static final String V_STORE_NAME = "storeName";
    private static final String V_EID = "eid";
    private static final String V_FEE = "fee";
    private static final String V_CURRENCY = "cur";
    private static final String V_COVERS = "covers";
    private static final String V_ORDER_KEY = "key";
    private static final String V_SUSPENDED = "suspended";

    private static final List<String> STEPS = List.of(PICK, LOCK_SHOWN, REASON, SUSPEND, LOCKED_OFFER, CODE, FULFIL, ADDRESS,
            ADDRESS_OK, STORE, DEVICE, EID, BACKUP, CONFIRM);

    private final AccountBackend backend;
    private final ReissueOrders orders;
    private final AuditLog audit;
    private final IdentityCheck identity;
    private final Texts texts = Texts.load("csbot/dialogs/reissue/texts");
    private final NonceSource orderKeys = new NonceSource(16);

    public ReissueFlow(AccountBackend backend, ReissueOrders orders, AuditLog audit) {
        this.backend = backend;
        this.orders = orders;
        this.audit = audit;
        this.identity = new IdentityCheck(backend);
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
        return Optional.of(new MenuEntry(30, "reissue"));
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates()
                    .initial(ENTRY)
                    .choice(ROUTE).choice(LINE_CHOSEN).choice(REASON_CHOSEN).choice(VERIFY).choice(CODE_CHECK)
                    .choice(ADDRESS_CHECK).choice(EID_CHECK)
                    .states(Set.of(ENTRY, PICK, LOCK_SHOWN, REASON, SUSPEND, LOCKED_OFFER, CODE, FULFIL, ADDRESS, ADDRESS_OK,
                            STORE, DEVICE, EID, BACKUP, CONFIRM))
                    .end(DONE);
            var transitions = b.configureTransitions()
                    .withExternal().source(ENTRY).target(ROUTE).event(Events.START).action(act(this::route)).and()
                    .withChoice().source(ROUTE)
                    .first(DONE, outcome(LinePick.NO_LINES))
                    .then(REASON, outcome(OK))
                    .then(LOCK_SHOWN, outcome(LOCKED))
                    .then(DONE, outcome(END))
                    .last(PICK, act(this::askWhichLine)).and()
                    .withExternal().source(PICK).target(LINE_CHOSEN).event(LinePick.EVENT).guard(when(LinePick::pickable))
                    .action(act(this::pickLine)).and()
                    .withChoice().source(LINE_CHOSEN).first(REASON, outcome(OK)).then(LOCK_SHOWN, outcome(LOCKED))
                    .last(DONE).and()
                    // a locked account gets no new card, but a lost card can always be stopped
                    .withExternal().source(LOCK_SHOWN).target(DONE).event("suspendOnly")
                    .guard(when(turn -> turn.arg().equals("lost") || turn.arg().equals("stolen")))
                    .action(act(this::suspendOnly)).and()

                    // why a new card: lost or stolen → suspend first; locked → the PUK may do
                    .withExternal().source(REASON).target(REASON_CHOSEN).event("reason")
                    .guard(when(this::reasonOffered)).action(act(this::chooseReason)).and()
                    .withChoice().source(REASON_CHOSEN)
                    .first(SUSPEND, outcome(ASK_SUSPEND))
                    .then(LOCKED_OFFER, outcome(OFFER_PUK))
                    .then(CODE, outcome(OK))
                    .last(DONE).and()
                    .withExternal().source(SUSPEND).target(VERIFY).event("suspend").action(act(this::suspend)).and()
                    .withExternal().source(SUSPEND).target(VERIFY).event("keepActive")
                    .action(act(this::startVerification)).and()
                    .withExternal().source(LOCKED_OFFER).target(DONE).event("puk").action(act(this::toPuk)).and()
                    .withExternal().source(LOCKED_OFFER).target(VERIFY).event("newCard")
                    .action(act(this::startVerification)).and()
                    .withChoice().source(VERIFY).first(CODE, outcome(OK)).last(DONE).and()

                    // the identity check
                    .withExternal().source(CODE).target(CODE_CHECK).event(Events.TEXT).action(act(this::checkCode)).and()
                    .withExternal().source(CODE).target(VERIFY).event("resend").action(act(this::startVerification)).and()
                    .withChoice().source(CODE_CHECK)
                    .first(FULFIL, outcome(SIM))
                    .then(DEVICE, outcome(ESIM))
                    .then(DONE, outcome(END))
                    .last(CODE).and()

                    // SIM: pickup or delivery
                    .withExternal().source(FULFIL).target(ADDRESS).event("delivery").action(act(this::askAddress)).and()
                    .withExternal().source(FULFIL).target(STORE).event("pickup").action(act(this::askStore)).and()
                    .withExternal().source(ADDRESS).target(ADDRESS_CHECK).event(Events.TEXT)
                    .action(act(this::takeAddress)).and()
                    .withChoice().source(ADDRESS_CHECK).first(ADDRESS_OK, outcome(OK)).last(ADDRESS).and()
                    .withExternal().source(ADDRESS).target(FULFIL).event("back").action(act(this::askFulfilment)).and()
                    .withExternal().source(ADDRESS_OK).target(CONFIRM).event("yes").action(act(this::showSummary)).and()
                    .withExternal().source(ADDRESS_OK).target(ADDRESS).event("change").action(act(this::askAddress)).and()
                    .withExternal().source(STORE).target(CONFIRM).event("store").guard(when(this::validStore))
                    .action(act(this::chooseStore)).and()
                    .withExternal().source(STORE).target(FULFIL).event("back").action(act(this::askFulfilment)).and()

                    // eSIM: a phone that supports it, its EID if known, a backup
                    .withExternal().source(DEVICE).target(EID).event("eid").action(act(this::askEid)).and()
                    .withExternal().source(DEVICE).target(BACKUP).event("noEid").action(act(this::askBackup)).and()
                    .withExternal().source(DEVICE).target(DONE).event("unsupported").action(act(this::unsupported)).and()
                    .withExternal().source(EID).target(EID_CHECK).event(Events.TEXT).action(act(this::takeEid)).and()
                    .withChoice().source(EID_CHECK).first(BACKUP, outcome(OK)).last(EID).and()
                    .withExternal().source(EID).target(BACKUP).event("skip").action(act(this::askBackup)).and()
                    .withExternal().source(BACKUP).target(CONFIRM).event("backedUp").action(act(this::showSummary)).and()

                    // the order: the only step that changes anything for good
                    .withExternal().source(CONFIRM).target(DONE).event("confirm").guard(when(ReissueFlow::covered))
                    .action(act(this::placeOrder)).and();
            for (String step : STEPS) {
                transitions = transitions.withExternal().source(step).target(DONE).event("abort")
                        .action(act(this::abort)).and();
            }
        });
    }

    // ---- which line

    private void route(Turn turn) {
        LinePick.route(turn, ID, V_LINE, this::chooseLine);
    }

    private void askWhichLine(Turn turn) {
        LinePick.ask(turn, turn.button(turn.t("button.cancel"), "abort"));
    }

    private void pickLine(Turn turn) {
        chooseLine(turn, turn.argIndex());
    }

    /**
     * The quote tells the card type, the fee and whether the SIM-change lock is on; a line with an order under way
     * gets no second one.
     */
    private void chooseLine(Turn turn, int index) {
        String msisdn = turn.profile().line(index).orElseThrow().msisdn();
        turn.put(V_MSISDN, msisdn);
        turn.put(V_LINE, index);
        String number = PhoneNumbers.mask(msisdn);
        ReissueQuote quote = backend.reissueQuote(msisdn);
        if (quote.simChangeLock()) {
            turn.reply(turn.t("simChangeLock", "number", number, "hotline", turn.settings().hotline(),
                    "hours", turn.settings().supportHours()), Keyboard.Inline.of(List.of(
                    List.of(turn.button(turn.t("button.suspendLost"), "suspendOnly", "lost"),
                            turn.button(turn.t("button.suspendStolen"), "suspendOnly", "stolen")),
                    List.of(turn.button(turn.t("button.cancel"), "abort")))));
            turn.outcome(LOCKED);
            return;
        }
        Optional<ProductOrder> open = backend.productOrders(msisdn).stream().filter(o -> o.state().isOpen())
                .findFirst();
        if (open.isPresent()) {
            turn.reply(turn.t("orderOpen", "number", number, "order", open.get().id()), turn.mainMenu());
            turn.outcome(END);
            return;
        }
        turn.put(V_CARD, quote.cardType().name());
        turn.put(V_FEE, quote.fee().amount().toPlainString());
        turn.put(V_CURRENCY, quote.fee().currency());
        turn.put(V_COVERS, quote.balanceCovers() ? "1" : "0");
        askReason(turn);
        turn.outcome(OK);
    }

    // ---- the reason

    private void askReason(Turn turn) {
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        rows.add(List.of(turn.button(turn.t("button.lost"), "reason", ReissueReason.LOST.wire()),
                turn.button(turn.t("button.stolen"), "reason", ReissueReason.STOLEN.wire())));
        rows.add(List.of(turn.button(turn.t("button.damaged"), "reason", ReissueReason.DAMAGED.wire()),
                turn.button(turn.t("button.locked"), "reason", ReissueReason.LOCKED.wire())));
        if (isEsim(turn)) {
            rows.add(List.of(turn.button(turn.t("button.newDevice"), "reason", ReissueReason.NEW_DEVICE.wire())));
        }
        rows.add(List.of(turn.button(turn.t("button.cancel"), "abort")));
        turn.reply(turn.t(isEsim(turn) ? "reason.esim" : "reason.sim", "number", number(turn)),
                Keyboard.Inline.of(rows));
    }

    /** "New phone" is an eSIM transfer; a physical SIM simply moves to the new phone. */
    private boolean reasonOffered(Turn turn) {
        return ReissueReason.ofWire(turn.arg())
                .filter(reason -> reason != ReissueReason.NEW_DEVICE || isEsim(turn)).isPresent();
    }

    private void chooseReason(Turn turn) {
        ReissueReason reason = ReissueReason.ofWire(turn.arg()).orElseThrow();
        turn.put(V_REASON, reason.wire());
        switch (reason) {
            case LOST, STOLEN -> {
                turn.reply(turn.t("suspend.ask", "number", number(turn)), Keyboard.Inline.of(List.of(
                        List.of(turn.button(turn.t("button.suspend"), "suspend")),
                        List.of(turn.button(turn.t("button.keepActive"), "keepActive")),
                        List.of(turn.button(turn.t("button.cancel"), "abort")))));
                turn.outcome(ASK_SUSPEND);
            }
            case LOCKED -> {
                turn.reply(turn.t("locked.offer", "number", number(turn)), Keyboard.Inline.of(List.of(
                        List.of(turn.button(turn.t("button.puk"), "puk")),
                        List.of(turn.button(turn.t("button.newCardAnyway"), "newCard")),
                        List.of(turn.button(turn.t("button.cancel"), "abort")))));
                turn.outcome(OFFER_PUK);
            }
            default -> startVerification(turn);
        }
    }

    private void suspend(Turn turn) {
        String msisdn = msisdn(turn);
        ReissueReason reason = reason(turn);
        backend.suspendLine(msisdn, reason == ReissueReason.STOLEN ? SuspensionReason.STOLEN : SuspensionReason.LOST);
        audit.lineSuspended(turn.chatId(), msisdn, reason.wire());
        turn.put(V_SUSPENDED, "1");
        turn.reply(turn.t("suspended", "number", number(turn)), Keyboard.Inline.of(List.of()));
        startVerification(turn);
    }

    private void suspendOnly(Turn turn) {
        String msisdn = msisdn(turn);
        backend.suspendLine(msisdn, turn.arg().equals("stolen") ? SuspensionReason.STOLEN : SuspensionReason.LOST);
        audit.lineSuspended(turn.chatId(), msisdn, turn.arg());
        turn.reply(turn.t("suspended", "number", number(turn)) + "\n\n" + turn.t("suspended.locked",
                "hotline", turn.settings().hotline()), Keyboard.Inline.of(List.of()));
        turn.say(turn.t("menu.choose"), turn.mainKeyboard());
    }

    private void toPuk(Turn turn) {
        turn.reply(turn.t("toPuk"), Keyboard.Inline.of(List.of()));
        turn.continueWith(PukFlow.ID, Map.of(PukFlow.VAR_LINE_INDEX, Integer.toString(turn.intVar(V_LINE, 0))));
    }

    // ---- who is asking

    private void startVerification(Turn turn) {
        if (identity.start(turn, msisdn(turn), "resend", "abort")) {
            turn.outcome(OK);
        } else {
            turn.outcome(END);
        }
    }

    private void checkCode(Turn turn) {
        switch (identity.check(turn, "resend")) {
            case VERIFIED -> {
                turn.say(turn.t("verified"));
                if (isEsim(turn)) {
                    askDevice(turn);
                    turn.outcome(ESIM);
                } else {
                    askFulfilment(turn);
                    turn.outcome(SIM);
                }
            }
            case LOCKED -> {
                audit.verificationLocked(turn.chatId(), msisdn(turn), "reissue");
                turn.outcome(END);
            }
            case TRY_AGAIN -> {
            }
        }
    }

    // ---- SIM: store or delivery

    private void askFulfilment(Turn turn) {
        turn.say(turn.t("fulfil.ask"), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.delivery"), "delivery"),
                        turn.button(turn.t("button.pickup"), "pickup")),
                List.of(turn.button(turn.t("button.cancel"), "abort")))));
    }

    private void askAddress(Turn turn) {
        turn.say(turn.t("address.ask." + addressRule(turn)), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.back"), "back"), turn.button(turn.t("button.cancel"), "abort")))));
    }

    private static String addressRule(Turn turn) {
        return switch (PhoneNumbers.region(turn.var(V_MSISDN).orElseThrow())) {
            case "GB" -> "GB";
            case "CN" -> "CN";
            default -> "other";
        };
    }

    private void takeAddress(Turn turn) {
        DeliveryAddress.Checked checked = DeliveryAddress.check(turn.text(), PhoneNumbers.region(msisdn(turn)));
        if (checked instanceof DeliveryAddress.Unfit unfit) {
            turn.say(turn.t("address." + unfit.problem().name()));
            return;
        }
        String address = ((DeliveryAddress.Fit) checked).address();
        turn.put(V_ADDRESS, address);
        turn.remove(V_STORE);
        turn.say(turn.t("address.confirm", "address", address), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.addressOk"), "yes"), turn.button(turn.t("button.change"), "change")),
                List.of(turn.button(turn.t("button.cancel"), "abort")))));
        turn.outcome(OK);
    }

    private void askStore(Turn turn) {
        List<Store> stores = backend.stores(msisdn(turn));
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder(turn.t(stores.isEmpty() ? "store.none" : "store.ask"));
        for (int i = 0; i < stores.size(); i++) {
            Store store = stores.get(i);
            text.append("\n\n🏬 ").append(store.name()).append("\n").append(store.address()).append("\n🕘 ")
                    .append(store.openingHours());
            rows.add(List.of(turn.button("🏬 " + store.name(), "store", Integer.toString(i))));
        }
        rows.add(List.of(turn.button(turn.t("button.back"), "back"), turn.button(turn.t("button.cancel"), "abort")));
        turn.reply(text.toString(), Keyboard.Inline.of(rows));
    }

    private boolean validStore(Turn turn) {
        int index = turn.argIndex();
        return index >= 0 && index < backend.stores(msisdn(turn)).size();
    }

    private void chooseStore(Turn turn) {
        Store store = backend.stores(msisdn(turn)).get(turn.argIndex());
        turn.put(V_STORE, store.id());
        turn.put(V_STORE_NAME, store.name() + ", " + store.address());
        turn.remove(V_ADDRESS);
        showSummary(turn);
    }

    // ---- eSIM: the phone

    private void askDevice(Turn turn) {
        turn.say(turn.t("device.ask"), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.haveEid"), "eid")),
                List.of(turn.button(turn.t("button.noEid"), "noEid")),
                List.of(turn.button(turn.t("button.unsupported"), "unsupported")),
                List.of(turn.button(turn.t("button.cancel"), "abort")))));
    }

    private void askEid(Turn turn) {
        turn.reply(turn.t("eid.ask"), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.skipEid"), "skip"), turn.button(turn.t("button.cancel"), "abort")))));
    }

    private void takeEid(Turn turn) {
        switch (Eid.check(turn.text())) {
            case NOT_AN_EID -> turn.say(turn.t("eid.notEid"));
            case BAD_CHECK_DIGITS -> turn.say(turn.t("eid.typo"));
            case VALID -> {
                turn.put(V_EID, Eid.compact(turn.text()));
                turn.say(turn.t("eid.ok", "eid", Eid.mask(Eid.compact(turn.text()))));
                askBackup(turn);
                turn.outcome(OK);
            }
        }
    }

    private void askBackup(Turn turn) {
        turn.say(turn.t("backup"), Keyboard.Inline.of(List.of(
                List.of(turn.button(turn.t("button.backedUp"), "backedUp")),
                List.of(turn.button(turn.t("button.cancel"), "abort")))));
    }

    private void unsupported(Turn turn) {
        turn.reply(turn.t("device.unsupported", "hotline", turn.settings().hotline(),
                "hours", turn.settings().supportHours()), Keyboard.Inline.of(List.of()));
        turn.say(turn.t("menu.choose"), turn.mainKeyboard());
    }

    // ---- the summary and the order

    private void showSummary(Turn turn) {
        turn.put(V_ORDER_KEY, orderKeys.next());
        String fee = Formats.money(turn.lang(), new BigDecimal(turn.var(V_FEE).orElseThrow()),
                turn.var(V_CURRENCY).orElseThrow());
        String how;
        if (isEsim(turn)) {
            how = turn.t("summary.esim", "eid", turn.var(V_EID).map(Eid::mask).orElseGet(() -> turn.t("summary.noEid")));
        } else if (turn.var(V_STORE).isPresent()) {
            how = turn.t("summary.pickup", "store", turn.var(V_STORE_NAME).orElseThrow());
        } else {
            how = turn.t("summary.delivery", "address", turn.var(V_ADDRESS).orElseThrow());
        }
        String text = turn.t("summary", "number", number(turn), "card", turn.t("card." + cardType(turn).name()),
                "reason", turn.t("reasonName." + reason(turn).wire()), "how", how, "fee", fee);
        List<List<Keyboard.Inline.Button>> rows = new ArrayList<>();
        if (covered(turn)) {
            rows.add(List.of(turn.button(turn.t("button.confirm", "fee", fee), "confirm")));
        } else {
            text += "\n\n" + turn.t("summary.balanceShort", "fee", fee);
            if (turn.hasFlow("topup")) {
                rows.add(List.of(turn.openButton(turn.t("button.topUp"), "topup")));
            }
        }
        rows.add(List.of(turn.button(turn.t("button.cancel"), "abort")));
        turn.reply(text, Keyboard.Inline.of(rows));
    }

    private static boolean covered(Turn turn) {
        return "1".equals(turn.var(V_COVERS).orElse("0"));
    }

    private void placeOrder(Turn turn) {
        String msisdn = msisdn(turn);
        Fulfilment fulfilment = isEsim(turn) ? new Fulfilment.Download()
                : turn.var(V_STORE).<Fulfilment>map(Fulfilment.Pickup::new)
                .orElseGet(() -> new Fulfilment.Delivery(turn.var(V_ADDRESS).orElseThrow()));
        ProductOrder order;
        try {
            order = backend.orderReissue(new ReissueRequest(msisdn, IdentityCheck.verificationId(turn), reason(turn),
                    fulfilment, turn.var(V_EID).orElse("")), turn.var(V_ORDER_KEY).orElseThrow());
        } catch (Rejected refused) {
            String key = texts.has("refused." + refused.reasonCode()) ? "refused." + refused.reasonCode()
                    : "refused.other";
            turn.reply(turn.t(key, "number", number(turn), "hotline", turn.settings().hotline()),
                    Keyboard.Inline.of(List.of()));
            turn.say(turn.t("menu.choose"), turn.mainKeyboard());
            return;
        }
        orders.watch(order, turn.chatId(), turn.lang(), cardType(turn));
        audit.reissueOrdered(turn.chatId(), msisdn, order.id(), cardType(turn).name(), reason(turn).wire(),
                IdentityCheck.HOW);
        turn.reply(turn.t(isEsim(turn) ? "ordered.esim" : "ordered.sim", "order", order.id(), "number", number(turn),
                "state", turn.t("state." + order.state().name())), Keyboard.Inline.of(List.of()));
        turn.say(turn.t("ordered.next"), turn.mainKeyboard());
    }

    /** The suspension, if any, stays: the card is still out of the customer's hands. */
    private void abort(Turn turn) {
        turn.reply(turn.t(turn.var(V_SUSPENDED).isPresent() ? "nothingOrdered.suspended" : "nothingOrdered",
                "hotline", turn.settings().hotline()), Keyboard.Inline.of(List.of()));
        turn.say(turn.t("menu.choose"), turn.mainKeyboard());
    }

    // ---- helpers

    private static String msisdn(Turn turn) {
        return turn.var(V_MSISDN).orElseThrow();
    }

    private static String number(Turn turn) {
        return PhoneNumbers.mask(msisdn(turn));
    }

    private static LineType cardType(Turn turn) {
        return LineType.valueOf(turn.var(V_CARD).orElseThrow());
    }

    private static boolean isEsim(Turn turn) {
        return cardType(turn) == LineType.ESIM;
    }

    private static ReissueReason reason(Turn turn) {
        return ReissueReason.ofWire(turn.var(V_REASON).orElseThrow()).orElseThrow();
    }
}
