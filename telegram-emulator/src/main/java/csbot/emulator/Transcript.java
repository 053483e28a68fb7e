package csbot.emulator;

import java.util.List;
import java.util.stream.Collectors;

/** A chat's events as readable lines, both sides, for failure messages. */
final class Transcript {

    private Transcript() {
    }

    static String of(long chatId, List<ChatEvent> events) {
        StringBuilder out = new StringBuilder("--- chat ").append(chatId).append(" ---\n");
        if (events.isEmpty()) {
            out.append("  (nothing yet)\n");
        }
        events.forEach(event -> out.append(line(event)).append('\n'));
        return out.toString();
    }

    private static String line(ChatEvent event) {
        if (event instanceof ChatEvent.UserAction user) {
            return "  user  → " + user.text() + "   (update " + user.updateId() + ")";
        }
        if (event instanceof ChatEvent.BotMessageEvent sent) {
            return message(sent.message());
        }
        if (event instanceof ChatEvent.MemberPost post) {
            return "  " + post.fromName() + (post.threadId() == 0 ? "" : " in topic " + post.threadId()) + " → "
                    + post.text() + "   (update " + post.updateId() + ")";
        }
        if (event instanceof ChatEvent.MessageDeleted deleted) {
            return "  bot   ✗ deleted #" + deleted.messageId();
        }
        if (event instanceof ChatEvent.PreCheckoutAnswered checkout) {
            return checkout.answer().ok() ? "  bot   ✓ pre-checkout ok"
                    : "  bot   ✗ pre-checkout declined \"" + checkout.answer().errorMessage() + "\"";
        }
        if (event instanceof ChatEvent.PaymentMade paid) {
            Charge charge = paid.charge();
            return "  user  → 💳 paid " + Currencies.format(charge.currency(), charge.totalAmount()) + " for #"
                    + charge.invoiceMessageId() + " (charge " + charge.telegramPaymentChargeId() + ")   (update "
                    + paid.updateId() + ")";
        }
        if (event instanceof ChatEvent.PaymentRefunded refunded) {
            Refund refund = refunded.refund();
            return "  tg    ↩ refunded " + Currencies.format(refund.currency(), refund.totalAmount()) + " (charge "
                    + refund.telegramPaymentChargeId() + ")   (update " + refunded.updateId() + ")";
        }
        CallbackAnswer answer = ((ChatEvent.CallbackAnswered) event).answer();
        return "  bot   ! " + (answer.showAlert() ? "alert" : "toast") + " \"" + answer.text() + "\"";
    }

    private static String message(BotMessage message) {
        StringBuilder line = new StringBuilder("  bot   ← #").append(message.messageId())
                .append(message.edited() ? " (edited) " : " ");
        if (message.media() != null) {
            line.append('[').append(message.media().kind()).append("] ");
        }
        line.append(message.text().replace("\n", "\n          "));
        for (List<InlineButton> row : message.inlineKeyboard()) {
            line.append("\n          ").append(row.stream().map(b -> "[" + b.label() + "]").collect(Collectors.joining(" ")));
        }
        ReplyKeyboard keyboard = message.replyKeyboard();
        if (keyboard != null) {
            line.append("\n          keyboard: ").append(keyboard.remove() ? "(removed)"
                    : keyboard.labels().stream().map(l -> "(" + l + ")").collect(Collectors.joining(" ")));
        }
        return line.toString();
    }
}
