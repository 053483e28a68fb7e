package csbot.dialogs.engine;

import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bot keeps about a customer for good: chosen language and linked lines. Later capabilities add alert
 * preferences here.
 *
 * @param lang              the language tag the user chose with /language, "" to follow the Telegram client
 * @param linkCooldownUntil epoch millis before which linking by code is refused after too many wrong codes
 */
public record UserProfile(int schema, String lang, List<LinkedLine> lines, long linkCooldownUntil) {

    public static final int SCHEMA = 1;
    public static final int MAX_LINES = 5;

    public UserProfile {
        lines = List.copyOf(lines);
    }

    public static UserProfile empty() {
        return new UserProfile(SCHEMA, "", List.of(), 0);
    }

    public Lang langFor(Origin origin) {
        return lang.isEmpty() ? Lang.fromTelegram(origin.languageCode()) : Lang.fromTag(lang);
    }

    public UserProfile withLang(Lang chosen) {
        return new UserProfile(schema, chosen.tag(), lines, linkCooldownUntil);
    }

    public boolean owns(String msisdn) {
        return lines.stream().anyMatch(l -> l.msisdn().equals(msisdn));
    }

    public Optional<LinkedLine> line(int index) {
        return index >= 0 && index < lines.size() ? Optional.of(lines.get(index)) : Optional.empty();
    }

    public UserProfile withLine(LinkedLine line) {
        if (owns(line.msisdn())) {
            return this;
        }
        List<LinkedLine> more = new ArrayList<>(lines);
        more.add(line);
        return new UserProfile(schema, lang, more, linkCooldownUntil);
    }

    public UserProfile withLinkCooldownUntil(long until) {
        return new UserProfile(schema, lang, lines, until);
    }
}
