package csbot.dialogs.engine;

import csbot.backend.BackendFailure;
import csbot.backend.Unavailable;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one inbound into the next conversation state and the messages to send. Pure with respect to storage: the
 * caller loads the {@link Conversation} and stores the {@link Conversation.Turned} (see {@code ChatTurns}).
 * Global commands (/start, /menu, /cancel, /help), the main menu, keyword routing, stale buttons, the idle timeout
 * and the "three misses" rule live here; everything else is a {@link Flow}.
 */
public final class DialogEngine {

    private static final Logger log = LoggerFactory.getLogger(DialogEngine.class);
    private static final int MAX_FLOW_HOPS = 3;

    private final Map<String, Flow> flows;
    private final Optional<PaymentHandler> payments;
    private final Optional<Handover> handover;
    private final Keywords handoverKeywords;
    private final Map<String, FlowMachines> machines;
    private final Map<String, Flow> byCommand;
    private final Texts common;
    private final MainMenu menu;
    private final FreeTextRouter router;
    private final TurnServices services;
    private final DialogSettings settings;
    private final Clock clock;
    private final NonceSource nonces = new NonceSource(6);

    public DialogEngine(List<Flow> flows, DialogSettings settings, Clock clock) {
        this(flows, List.of(), settings, clock);
    }

    /** @param payments the handler of invoice payments, if the top-up capability is there (at most one) */
    public DialogEngine(List<Flow> flows, List<PaymentHandler> payments, DialogSettings settings, Clock clock) {
        this(flows, payments, List.of(), settings, clock);
    }

    /** @param handovers the agent desk, if there is one (at most one); without it a person means the hotline */
    public DialogEngine(List<Flow> flows, List<PaymentHandler> payments, List<Handover> handovers,
                        DialogSettings settings, Clock clock) {
        if (payments.size() > 1 || handovers.size() > 1) {
            throw new IllegalStateException("more than one payment handler or agent desk");
        }
        this.payments = payments.stream().findFirst();
        this.handover = handovers.stream().findFirst();
        this.flows = flows.stream().collect(Collectors.toMap(Flow::id, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two flows with id " + a.id());
        }, LinkedHashMap::new));
        this.machines = flows.stream().collect(Collectors.toUnmodifiableMap(Flow::id, FlowMachines::new));
        this.byCommand = flows.stream().filter(f -> f.menuEntry().isPresent())
                .collect(Collectors.toUnmodifiableMap(f -> f.menuEntry().orElseThrow().command(), f -> f));
        this.common = commonTexts();
        this.handoverKeywords = Keywords.from(common, "handover.keywords");
        this.menu = new MainMenu(flows, common);
        this.router = new FreeTextRouter(menu.flows(), common);
        this.settings = settings;
        this.clock = clock;
        this.services = new TurnServices(common, menu, this.flows.keySet(), clock, settings);
    }

    /** The engine's own texts (menu, help, errors, FAQ). */
    public static Texts commonTexts() {
        return Texts.load("csbot/dialogs/engine/texts");
    }

    public List<Flow> flows() {
        return List.copyOf(flows.values());
    }

    public MainMenu menu() {
        return menu;
    }

    public Conversation.Turned step(Conversation conversation, Inbound inbound) {
        Work work = new Work(conversation, inbound);
        long now = clock.millis();
        if (work.session.inFlow()
                && now - work.session.touchedAt() > settings.sessionIdleTimeout().toMillis()) {
            work.say(common.get(work.lang, "session.timeout"), Keyboard.NONE);
            endFlow(work);
        } else if (work.session.inFlow() && !isKnownStep(work.session)) {
            // stored by a version of the bot whose flow or state no longer exists
            work.say(common.get(work.lang, "session.restart"), Keyboard.NONE);
            endFlow(work);
        }
        if (inbound instanceof Inbound.Command command) {
            onCommand(work, command);
        } else if (inbound instanceof Inbound.Button button) {
            onButton(work, button);
        } else if (inbound instanceof Inbound.Text text) {
            onText(work, text.text().strip());
        } else if (inbound instanceof Inbound.ContactShared) {
            onContact(work);
        } else if (inbound instanceof Inbound.Media) {
            onMedia(work);
        } else if (inbound instanceof Inbound.PaymentDone done) {
            onPayment(work, done);
        }
        if (inbound instanceof Inbound.Button button
                && work.out.stream().noneMatch(o -> o instanceof Outbound.AnswerCallback)) {
            work.out.add(0, new Outbound.AnswerCallback(button.origin().chatId(), button.callbackId(), "", false));
        }
        return new Conversation.Turned(work.session.touchedAt(now), work.profile, work.out);
    }

    // ---- inbound kinds

    private void onCommand(Work work, Inbound.Command command) {
        switch (command.name()) {
            case "start" -> {
                endFlow(work);
                work.say(common.get(work.lang, "menu.welcome", "name", work.inbound.origin().firstName()),
                        menu.replyKeyboard(work.lang));
                work.say(common.get(work.lang, "menu.choose"), menu.inlineMenu(work.lang));
            }
            case "menu" -> {
                endFlow(work);
                work.say(common.get(work.lang, "menu.choose"), menu.inlineMenu(work.lang));
            }
            case "cancel" -> cancel(work);
            case "help" -> help(work);
            case "agent" -> askForPerson(work, HandoverReason.ASKED);
            default -> {
                Flow flow = byCommand.get(command.name());
                if (flow != null) {
                    endFlow(work);
                    startFlow(work, flow, Events.START, Map.of(), 0);
                } else {
                    miss(work, common.get(work.lang, "command.unknown"));
                }
            }
        }
    }

    private void onButton(Work work, Inbound.Button button) {
        Optional<CallbackData> data = CallbackData.parse(button.data());
        if (data.isPresent() && data.get() instanceof CallbackData.OpenFlow open && flows.containsKey(open.flow())) {
            endFlow(work);
            startFlow(work, flows.get(open.flow()), Events.START, Map.of(), 0);
            return;
        }
        if (data.isPresent() && data.get() instanceof CallbackData.AskForPerson ask) {
            askForPerson(work, Arrays.stream(HandoverReason.values())
                    .filter(r -> r.name().equals(ask.reason())).findFirst().orElse(HandoverReason.ASKED));
            return;
        }
        if (data.isPresent() && data.get() instanceof CallbackData.OpenFlowOn open && flows.containsKey(open.flow())) {
            endFlow(work);
            startFlow(work, flows.get(open.flow()), Events.START, lineVars(work.profile, open), 0);
            return;
        }
        if (data.isPresent() && data.get() instanceof CallbackData.FlowEvent event
                && work.session.inFlow()
                && event.flow().equals(work.session.flow())
                && event.nonce().equals(work.session.nonce())
                && fire(work, flows.get(event.flow()), event.event(), event.arg(), 0)) {
            return;
        }
        if (work.failed) {
            return;
        }
        work.out.add(new Outbound.AnswerCallback(button.origin().chatId(), button.callbackId(),
                common.get(work.lang, "button.expired"), true));
    }

    private void onText(Work work, String text) {
        Optional<MainMenu.Fixed> fixed = menu.fixedLabelled(text);
        if (fixed.isPresent()) {
            switch (fixed.get()) {
                case HELP -> help(work);
                case CANCEL -> cancel(work);
            }
            return;
        }
        Optional<Flow> labelled = menu.flowLabelled(text);
        if (labelled.isPresent()) {
            startFromIdle(work, labelled.get());
            return;
        }
        if (handover.isPresent() && handoverKeywords.matches(text)) {
            // asking for a person works in the middle of a step too: nobody types 人工 as an amount
            askForPerson(work, HandoverReason.KEYWORD);
            return;
        }
        if (inActiveStep(work)) {
            if (!fire(work, currentFlow(work), Events.TEXT, "", 0) && !work.failed) {
                miss(work, hint(work));
            }
            return;
        }
        Optional<FreeTextRouter.Route> route = router.route(text);
        if (route.isPresent() && route.get() instanceof FreeTextRouter.StartFlow start) {
            startFromIdle(work, start.flow());
        } else if (route.isPresent() && route.get() instanceof FreeTextRouter.Answer answer) {
            work.session = work.session.withMisses(0);
            work.say(common.get(work.lang, answer.textKey(), "hotline", settings.hotline(),
                    "hours", settings.supportHours()), Keyboard.NONE);
        } else {
            miss(work, common.get(work.lang, "hint.idle"));
        }
    }

    private void onContact(Work work) {
        if (inActiveStep(work)) {
            if (!fire(work, currentFlow(work), Events.CONTACT, "", 0) && !work.failed) {
                miss(work, hint(work));
            }
            return;
        }
        Optional<Flow> taker = flows.values().stream().filter(f -> f.startEvents().contains(Events.CONTACT))
                .findFirst();
        if (taker.isPresent()) {
            endFlow(work);
            startFlow(work, taker.get(), Events.CONTACT, Map.of(), 0);
        } else {
            miss(work, common.get(work.lang, "hint.idle"));
        }
    }

    private void onMedia(Work work) {
        if (inActiveStep(work) && (fire(work, currentFlow(work), Events.MEDIA, "", 0) || work.failed)) {
            return;
        }
        miss(work, common.get(work.lang, "media.unreadable"));
    }

    /** Answers Telegram's pre-checkout query; outside any turn, since it must be answered within 10 seconds. */
    public Outbound.AnswerPreCheckout preCheckout(Inbound.PreCheckout query, UserProfile profile) {
        Lang lang = profile.langFor(query.origin());
        if (payments.isEmpty()) {
            return new Outbound.AnswerPreCheckout(query.origin().chatId(), query.queryId(), false,
                    common.get(lang, "error.generic", "hotline", settings.hotline()));
        }
        return payments.get().preCheckout(query, profile, lang);
    }

    /** The refusal for a pre-checkout whose check ran out of time. */
    public Outbound.AnswerPreCheckout preCheckoutTooSlow(Inbound.PreCheckout query, UserProfile profile) {
        Lang lang = profile.langFor(query.origin());
        return payments.map(handler -> handler.tooSlow(query, lang)).orElseGet(() ->
                new Outbound.AnswerPreCheckout(query.origin().chatId(), query.queryId(), false,
                        common.get(lang, "backend.unavailable")));
    }

    private void onPayment(Work work, Inbound.PaymentDone done) {
        if (payments.isEmpty()) {
            log.error("chat {}: a payment arrived but no payment handler is configured", work.chatId());
            work.say(common.get(work.lang, "error.generic", "hotline", settings.hotline()), Keyboard.NONE);
            return;
        }
        work.out.addAll(payments.get().paid(done, work.profile, work.lang));
    }

    // ---- global commands

    private void cancel(Work work) {
        if (work.session.inFlow()) {
            endFlow(work);
            work.say(common.get(work.lang, "cancel.done"), menu.replyKeyboard(work.lang));
        } else {
            work.say(common.get(work.lang, "cancel.nothing"), menu.replyKeyboard(work.lang));
        }
    }

    private void help(Work work) {
        StringBuilder text = new StringBuilder(common.get(work.lang, "help.intro"));
        for (Flow flow : menu.flows()) {
            text.append("\n/").append(flow.menuEntry().orElseThrow().command())
                    .append(" — ").append(flow.texts().get(work.lang, "menu.help"));
        }
        text.append('\n').append(common.get(work.lang, "help.commands"));
        text.append("\n\n").append(common.get(work.lang, "help.safety", "hotline", settings.hotline(),
                "hours", settings.supportHours()));
        work.say(text.toString(), Keyboard.NONE);
    }

    // ---- flows

    private void startFromIdle(Work work, Flow flow) {
        endFlow(work);
        startFlow(work, flow, Events.START, Map.of(), 0);
    }

    /** A line that is not (or no longer) the customer's is not passed on: the flow asks which line instead. */
    private static Map<String, String> lineVars(UserProfile profile, CallbackData.OpenFlowOn open) {
        for (int i = 0; i < profile.lines().size(); i++) {
            if (profile.lines().get(i).msisdn().equals(open.msisdn())) {
                return Map.of(CallbackData.VAR_LINE, Integer.toString(i), CallbackData.VAR_ACTION, open.action());
            }
        }
        return Map.of();
    }

    private void startFlow(Work work, Flow flow, String event, Map<String, String> vars, int hops) {
        FlowMachines flowMachines = machines.get(flow.id());
        work.session = new Session(Session.SCHEMA, flow.id(), flowMachines.initialState(), vars, nonces.next(), 0,
                work.session.touchedAt());
        if (!fire(work, flow, event, "", hops)) {
            if (!work.failed) {
                log.error("chat {}: flow {} does not take {} in its initial state", work.chatId(), flow.id(), event);
                work.say(common.get(work.lang, "error.generic"), Keyboard.NONE);
            }
            endFlow(work);
        }
    }

    /**
     * Fires an event on a flow at the session's state. True when the flow took it; false when the event does not fit
     * the step (nothing changed) or the step failed ({@code work.failed}: the apology is already said).
     */
    private boolean fire(Work work, Flow flow, String event, String arg, int hops) {
        Turn turn = new Turn(flow, work.inbound, work.lang, work.session.nonce(), arg, work.session.vars(),
                work.profile, services);
        FlowMachines.Fired fired = machines.get(flow.id()).fire(work.session.state(), event, turn);
        if (turn.failure().isPresent()) {
            apologize(work, flow, event, turn.failure().get());
            return false;
        }
        if (!fired.accepted()) {
            return false;
        }
        work.out.addAll(turn.out());
        work.profile = turn.profile();
        if (!fired.ended()) {
            work.session = work.session.at(flow.id(), fired.state(), turn.vars()).withMisses(0);
            return true;
        }
        endFlow(work);
        Optional<Turn.FlowSwitch> next = turn.switchTarget();
        if (next.isPresent() && hops < MAX_FLOW_HOPS && flows.containsKey(next.get().flow())) {
            startFlow(work, flows.get(next.get().flow()), Events.START, next.get().args(), hops + 1);
        }
        return true;
    }

    private void apologize(Work work, Flow flow, String event, RuntimeException failure) {
        work.failed = true;
        String key;
        if (failure instanceof Unavailable) {
            log.warn("chat {}: flow {} state {} event {}: backend unavailable", work.chatId(), flow.id(),
                    work.session.state(), event);
            key = "backend.unavailable";
        } else if (failure instanceof BackendFailure) {
            log.warn("chat {}: flow {} state {} event {}: backend said {}", work.chatId(), flow.id(),
                    work.session.state(), event, failure.getClass().getSimpleName());
            key = "backend.failed";
        } else {
            log.error("chat {}: flow {} state {} event {} failed", work.chatId(), flow.id(), work.session.state(),
                    event, failure);
            key = "error.generic";
        }
        boolean offer = handover.isPresent() && failure instanceof BackendFailure;
        work.say(common.get(work.lang, key, "hotline", settings.hotline()),
                offer ? personButton(work, HandoverReason.BACKEND_FAILURE) : Keyboard.NONE);
    }

    /**
     * Hands the customer to the agent desk, which says where they stand; without a desk, the hotline. The desk sees
     * the flow and step the customer was in, which then ends: while a person helps, the bot stays out.
     */
    private void askForPerson(Work work, HandoverReason reason) {
        if (handover.isEmpty()) {
            work.session = work.session.withMisses(0);
            work.say(common.get(work.lang, "faq.human.answer", "hotline", settings.hotline(),
                    "hours", settings.supportHours()), Keyboard.NONE);
            return;
        }
        Conversation before = new Conversation(work.session, work.profile);
        work.out.addAll(handover.get().handover(work.inbound, before, work.lang, reason));
        endFlow(work);
        work.session = work.session.withMisses(0);
    }

    private Keyboard personButton(Work work, HandoverReason reason) {
        return Keyboard.Inline.of(List.of(List.of(Keyboard.Inline.Button.callback(
                common.get(work.lang, "handover.button"), CallbackData.askForPerson(reason)))));
    }

    private void endFlow(Work work) {
        if (work.session.inFlow()) {
            work.session = Session.idle(nonces.next(), work.session.touchedAt()).withMisses(work.session.misses());
        }
    }

    private void miss(Work work, String hint) {
        int misses = work.session.misses() + 1;
        if (misses >= settings.missesBeforeHelp() && handover.isPresent()) {
            // offered, not forced: the customer may as well rephrase
            work.say(hint + "\n\n" + common.get(work.lang, "misses.offer.desk"),
                    personButton(work, HandoverReason.MISUNDERSTOOD));
            misses = 0;
        } else if (misses >= settings.missesBeforeHelp()) {
            work.say(hint + "\n\n" + common.get(work.lang, "misses.offer", "hotline", settings.hotline(),
                    "hours", settings.supportHours()), Keyboard.NONE);
            misses = 0;
        } else {
            work.say(hint, Keyboard.NONE);
        }
        work.session = work.session.withMisses(misses);
    }

    private String hint(Work work) {
        Flow flow = currentFlow(work);
        String key = "hint." + work.session.state();
        return flow.texts().has(key) ? flow.texts().get(work.lang, key) : common.get(work.lang, "hint.generic");
    }

    private boolean isKnownStep(Session session) {
        return flows.containsKey(session.flow()) && machines.get(session.flow()).knows(session.state());
    }

    private boolean inActiveStep(Work work) {
        return work.session.inFlow() && !currentFlow(work).restingStates().contains(work.session.state());
    }

    private Flow currentFlow(Work work) {
        return flows.get(work.session.flow());
    }

    /** The mutable state of one {@link #step}. */
    private static final class Work {
        final Inbound inbound;
        final List<Outbound> out = new ArrayList<>();
        final Lang lang;
        Session session;
        UserProfile profile;
        boolean failed;

        Work(Conversation conversation, Inbound inbound) {
            this.inbound = inbound;
            this.session = conversation.session();
            this.profile = conversation.profile();
            this.lang = profile.langFor(inbound.origin());
        }

        long chatId() {
            return inbound.origin().chatId();
        }

        void say(String text, Keyboard keyboard) {
            out.add(new Outbound.Say(chatId(), text, keyboard));
        }
    }
}
