package csbot.dialogs.alerts;

import csbot.dialogs.engine.CallbackData;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.topup.TopUpFlow;
import csbot.dialogs.validate.PhoneNumbers;

import java.util.List;

/**
 * An alert as the customer reads it, in their language: the line (masked), the balance or the days left, what
 * happens if nothing is done, and three buttons — top up now (the top-up flow on that line), alert settings, mute.
 */
public final class AlertMessages {

    static final Texts TEXTS = Texts.load("csbot/dialogs/alerts/texts");

    private AlertMessages() {
    }

    public static Outbound.Say of(long chatId, Lang lang, LineAlert alert) {
        String number = PhoneNumbers.mask(alert.msisdn());
        String balance = Formats.money(lang, alert.balance().amount(), alert.balance().currency());
        String expiry = Formats.date(lang, alert.expiry());
        String recycle = Formats.date(lang, alert.recycle());
        String text;
        if (alert instanceof LineAlert.LowBalance low) {
            text = TEXTS.get(lang, "alert.lowBalance", "number", number, "balance", balance, "threshold",
                    Formats.money(lang, low.threshold().amount(), low.threshold().currency()), "expiry", expiry,
                    "recycle", recycle);
        } else {
            LineAlert.Expiry soon = (LineAlert.Expiry) alert;
            text = TEXTS.get(lang, soon.daysLeft() == 1 ? "alert.expiry.one" : "alert.expiry", "number", number,
                    "days", soon.daysLeft(), "balance", balance, "expiry", expiry, "recycle", recycle);
        }
        Keyboard.Inline buttons = Keyboard.Inline.of(List.of(
                List.of(Keyboard.Inline.Button.callback(TEXTS.get(lang, "button.topUpNow"),
                        CallbackData.openOn(TopUpFlow.ID, alert.msisdn(), ""))),
                List.of(Keyboard.Inline.Button.callback(TEXTS.get(lang, "button.settings"),
                                CallbackData.openOn(AlertsFlow.ID, alert.msisdn(), "")),
                        Keyboard.Inline.Button.callback(TEXTS.get(lang, "button.mute"),
                                CallbackData.openOn(AlertsFlow.ID, alert.msisdn(), AlertsFlow.MUTE)))));
        return new Outbound.Say(chatId, text, buttons);
    }
}
