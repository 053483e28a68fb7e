package csbot.bot.send;


import csbot.bot.payments.PaymentProperties;
import csbot.dialogs.i18n.Formats;
import csbot.dialogs.io.Keyboard;
import csbot.dialogs.io.Outbound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Our {@link Outbound} as Bot API methods of {@code telegrambots-meta}. Invoices in a fiat currency go through the
 * configured payment provider; the dialogs never see its token.
 */
@Component
public final class TelegramMethods {

    private final String providerToken;

    @Autowired
    TelegramMethods(PaymentProperties payments) {
        this(payments.providerToken());
    }

    public TelegramMethods(String providerToken) {
        this.providerToken = providerToken;
    }

    /** A photo is uploaded with the request (multipart): telegrambots sends it by its own method, not a BotApiMethod. */
    SendPhoto photo(Outbound.Photo photo) {
        SendPhoto send = new SendPhoto(Long.toString(photo.chatId()),
                new InputFile(new ByteArrayInputStream(photo.png()), photo.fileName()));
        if (!photo.caption().isEmpty()) {
            send.setCaption(photo.caption());
        }
        replyMarkup(photo.keyboard()).ifPresent(send::setReplyMarkup);
        return send;
    }

    public BotApiMethod<? extends Serializable> of(Outbound outbound) {
        if (outbound instanceof Outbound.Say say) {
            SendMessage message = new SendMessageUnread(Long.toString(say.chatId()), say.text());
            replyMarkup(say.keyboard()).ifPresent(message::setReplyMarkup);
            return message;
        }
        if (outbound instanceof Outbound.Edit edit) {
            return EditMessageText.builder()
                    .chatId(edit.chatId())
                    .messageId(edit.messageId())
                    .text(edit.text())
                    .replyMarkup(inline(edit.keyboard()))
                    .build();
        }
        if (outbound instanceof Outbound.Invoice invoice) {
            return SendInvoice.builder()
                    .chatId(invoice.chatId())
                    .title(invoice.title())
                    .description(invoice.description())
                    .payload(invoice.payload())
                    .providerToken(Formats.STARS.equals(invoice.currency()) ? "" : providerToken)
                    .currency(invoice.currency())
                    .price(new LabeledPrice(invoice.priceLabel(), Math.toIntExact(invoice.totalAmount())))
                    .build();
        }
        if (outbound instanceof Outbound.Copy copy) {
            CopyMessage message = CopyMessage.builder().chatId(copy.chatId()).fromChatId(copy.fromChatId())
                    .messageId(copy.messageId()).build();
            if (copy.threadId() != 0) {
                message.setMessageThreadId(copy.threadId());
            }
            return message;
        }
        if (outbound instanceof Outbound.TopicPost post) {
            SendMessage message = new SendMessageUnread(Long.toString(post.chatId()), post.text());
            message.setMessageThreadId(post.threadId());
            return message;
        }
        if (outbound instanceof Outbound.AnswerPreCheckout answer) {
            return answer.ok()
                    ? new AnswerPreCheckoutQuery(answer.queryId(), true)
                    : new AnswerPreCheckoutQuery(answer.queryId(), false, answer.errorMessage());
        }
        Outbound.AnswerCallback answer = (Outbound.AnswerCallback) outbound;
        AnswerCallbackQuery query = new AnswerCallbackQuery(answer.callbackId());
        if (!answer.text().isEmpty()) {
            query.setText(answer.text());
            query.setShowAlert(answer.alert());
        }
        return query;
    }

    private static java.util.Optional<ReplyKeyboard> replyMarkup(Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Inline inline) {
            return java.util.Optional.of(inline(inline));
        }
        if (keyboard instanceof Keyboard.Reply reply) {
            List<KeyboardRow> rows = reply.rows().stream()
                    .map(row -> new KeyboardRow(row.stream().map(TelegramMethods::key).toList()))
                    .toList();
            ReplyKeyboardMarkup markup = new ReplyKeyboardMarkup(rows);
            markup.setResizeKeyboard(true);
            markup.setIsPersistent(reply.persistent());
            return java.util.Optional.of(markup);
        }
        return java.util.Optional.empty();
    }

    private static KeyboardButton key(Keyboard.Reply.Key key) {
        KeyboardButton button = new KeyboardButton(key.label());
        if (key.requestContact()) {
            button.setRequestContact(true);
        }
        return button;
    }

    private static InlineKeyboardMarkup inline(Keyboard.Inline inline) {
        List<InlineKeyboardRow> rows = inline.rows().stream()
                .map(row -> new InlineKeyboardRow(row.stream().map(TelegramMethods::button).toList()))
                .toList();
        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton button(Keyboard.Inline.Button button) {
        InlineKeyboardButton out = new InlineKeyboardButton(button.label());
        if (!button.url().isEmpty()) {
            out.setUrl(button.url());
        } else {
            out.setCallbackData(button.callbackData());
        }
        return out;
    }
}
