package csbot.bot.alerts;

import csbot.dialogs.alerts.AlertSettingsStore;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.engine.UserProfile;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.io.Origin;
import org.springframework.stereotype.Component;

/**
 * Keeps the alerts' view of who owns which line in step with the profiles: after a turn that linked a line, the line's
 * alerts are on for that chat (the link flow's message says so) and the chat's language and time zone are recorded
 * for alerts, which are sent outside any turn, and the line joins the sweep's schedule. A change of language is
 * recorded too.
 */
@Component
public final class AlertLinks {

    private final AlertSettingsStore settings;
    private final AlertSweep sweep;

    AlertLinks(AlertSettingsStore settings, AlertSweep sweep) {
        this.settings = settings;
        this.sweep = sweep;
    }

    public void afterTurn(Origin origin, UserProfile before, UserProfile after) {
        Lang lang = after.langFor(origin);
        for (LinkedLine line : after.lines()) {
            if (!before.owns(line.msisdn())) {
                settings.linked(origin.chatId(), line.msisdn(), lang);
                sweep.schedule(line.msisdn());
            }
        }
        if (!after.lines().isEmpty() && !before.lang().equals(after.lang())) {
            settings.language(origin.chatId(), lang);
        }
    }
}
