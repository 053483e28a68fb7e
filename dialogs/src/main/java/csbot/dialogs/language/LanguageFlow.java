package csbot.dialogs.language;

import csbot.dialogs.engine.Events;
import csbot.dialogs.engine.Flow;
import csbot.dialogs.engine.FlowMachine;
import csbot.dialogs.engine.MenuEntry;
import csbot.dialogs.engine.Turn;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import org.springframework.statemachine.StateMachine;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static csbot.dialogs.engine.Steps.act;
import static csbot.dialogs.engine.Steps.when;

/** /language: choose 简体中文 or English, kept in the profile over Telegram's client language. */
@Component
public final class LanguageFlow implements Flow {

    public static final String ID = "lang";
    static final String ENTRY = "ENTRY";
    static final String CHOOSING = "CHOOSING";
    static final String DONE = "DONE";

    private final Texts texts = Texts.load("csbot/dialogs/language/texts");

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
        return Optional.of(new MenuEntry(90, "language"));
    }

    @Override
    public StateMachine<String, String> newMachine() {
        return FlowMachine.build(ID, b -> {
            b.configureStates().withStates().initial(ENTRY).states(Set.of(ENTRY, CHOOSING)).end(DONE);
            b.configureTransitions()
                    .withExternal().source(ENTRY).target(CHOOSING).event(Events.START).action(act(this::offer)).and()
                    .withExternal().source(CHOOSING).target(DONE).event("pick")
                    .guard(when(LanguageFlow::knownLanguage)).action(act(this::choose));
        });
    }

    private void offer(Turn turn) {
        List<Keyboard.Inline.Button> buttons = Arrays.stream(Lang.values())
                .map(lang -> turn.button(texts.get(lang, "name"), "pick", lang.tag()))
                .toList();
        turn.reply(turn.t("choose"), Keyboard.Inline.of(List.of(buttons)));
    }

    private static boolean knownLanguage(Turn turn) {
        return Arrays.stream(Lang.values()).anyMatch(lang -> lang.tag().equals(turn.arg()));
    }

    private void choose(Turn turn) {
        Lang chosen = Lang.fromTag(turn.arg());
        turn.profile(turn.profile().withLang(chosen));
        turn.reply(texts.get(chosen, "chosen"), Keyboard.Inline.empty());
        turn.say(turn.commonText(chosen, "menu.choose"), turn.mainKeyboard(chosen));
    }
}
