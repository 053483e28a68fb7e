package csbot.dialogs.topup;

import csbot.backend.Money;
import csbot.dialogs.engine.CallbackData;
import csbot.dialogs.engine.DialogEngine;
import csbot.dialogs.engine.HandoverReason;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.i18n.Texts;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import csbot.dialogs.lines.LineBalance;
import csbot.dialogs.lines.LineCard;
import csbot.dialogs.validate.PhoneNumbers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the customer is told as a payment goes through, in the language they used when paying. */
final class TopUpNotices {

    static final Texts TEXTS = Texts.load("csbot/dialogs/topup/texts");
    private static final Texts COMMON = DialogEngine.commonTexts();

    private final String hotline;

    TopUpNotices(String hotline) {
        this.hotline = hotline;
    }

    List<Outbound> received(Payment payment) {
        return say(payment, "notice.received");
    }

    List<Outbound> pending(Payment payment) {
        return say(payment, "notice.pending");
    }

    /** Done: the three facts a customer checks — new balance, new expiry, line status — when they can be read. */
    List<Outbound> completed(Payment payment, Optional<LineBalance> figures, Instant now) {
        Lang lang = Lang.fromTag(payment.lang());
        String text = text(payment, "notice.completed") + "\n\n" + figures
                .map(balance -> LineCard.figures(lang, balance, now))
                .orElseGet(() -> TEXTS.get(lang, "notice.noFigures"));
        return List.of(new Outbound.Say(payment.chatId(), text, Keyboard.NONE));
    }

    List<Outbound> refunded(Payment payment) {
        return say(payment, "notice.refunded");
    }

    /** A paid top-up that failed: a case is opened, and a person is offered (the agent desk, or the hotline). */
    List<Outbound> escalated(Payment payment, String ticketId) {
        Lang lang = Lang.fromTag(payment.lang());
        String key = ticketId.isEmpty() ? "notice.escalating" : "notice.escalated";
        return List.of(new Outbound.Say(payment.chatId(), fill(payment, lang, key, ticketId), personButton(lang)));
    }

    List<Outbound> declined(Payment payment) {
        Lang lang = Lang.fromTag(payment.lang());
        return List.of(new Outbound.Say(payment.chatId(), text(payment, "notice.declined"), personButton(lang)));
    }

    private static Keyboard personButton(Lang lang) {
        return Keyboard.Inline.of(List.of(List.of(Keyboard.Inline.Button.callback(
                COMMON.get(lang, "handover.button"), CallbackData.askForPerson(HandoverReason.ORDER_FAILED)))));
    }

    private List<Outbound> say(Payment payment, String key) {
        return List.of(new Outbound.Say(payment.chatId(), text(payment, key), Keyboard.NONE));
    }

    private String text(Payment payment, String key) {
        return fill(payment, Lang.fromTag(payment.lang()), key, "");
    }

    private String fill(Payment payment, Lang lang, String key, String ticket) {
        return TEXTS.get(lang, key, "number", PhoneNumbers.mask(payment.msisdn()),
                "amount", amount(lang, payment.amount(), payment.planId()),
                "paid", money(lang, payment.paid()), "ticket", ticket, "hotline", hotline);
    }

    static String amount(Lang lang, Money amount, String planId) {
        String money = money(lang, amount);
        return planId.isEmpty() ? money : TEXTS.get(lang, "plan.short", "price", money);
    }

    static String money(Lang lang, Money money) {
        return Formats.money(lang, money.amount(), money.currency());
    }
}
