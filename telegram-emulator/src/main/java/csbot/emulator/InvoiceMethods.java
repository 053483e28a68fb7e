package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.concurrent.ThreadLocalRandom;

/**
 * sendInvoice and createInvoiceLink. An invoice message is an ordinary bot message whose {@code invoice}
 * field is the Bot API Invoice; its payload, which the message does not show, is kept with {@link Payments}
 * so a payment can carry it back to the bot.
 */
final class InvoiceMethods {

    /** Telegram Stars subscriptions renew every 30 days, the only period Telegram takes. */
    private static final long SUBSCRIPTION_PERIOD = 2_592_000;

    private final Chats chats;
    private final BotOutbox outbox;
    private final Payments payments;

    InvoiceMethods(Chats chats, BotOutbox outbox, Payments payments) {
        this.chats = chats;
        this.outbox = outbox;
        this.payments = payments;
    }

    JsonNode sendInvoice(MethodCall call) {
        ChatState chat = chats.forBot(call.chatId());
        InvoiceTerms terms = InvoiceTerms.read(call);
        Markup markup = Markup.parse(call.json("reply_markup"));
        if (markup.replyKeyboard() != null || (markup.inlineJson() != null && !startsWithPayButton(markup))) {
            throw ApiError.badRequest("REPLY_MARKUP_BUY_EMPTY").exception();
        }
        ObjectNode content = Json.object();
        content.set("invoice", terms.invoiceJson());
        return outbox.post(chat, content, terms.summary(), null, markup,
                messageId -> payments.invoiceSent(chat.id(), messageId, terms)).telegram();
    }

    /** A link to pay the invoice outside a chat; paying through it is not modelled. */
    JsonNode createInvoiceLink(MethodCall call) {
        InvoiceTerms terms = InvoiceTerms.read(call);
        long period = call.longParam("subscription_period", 0);
        if (period != 0 && (period != SUBSCRIPTION_PERIOD || !terms.stars())) {
            throw ApiError.badRequest("SUBSCRIPTION_PERIOD_INVALID").exception();
        }
        return TextNode.valueOf("https://t.me/$" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 62), 36));
    }

    /** Telegram wants the first button of an invoice's own keyboard to be its Pay button. */
    private static boolean startsWithPayButton(Markup markup) {
        return markup.inlineJson().path("inline_keyboard").path(0).path(0).path("pay").asBoolean(false);
    }
}
