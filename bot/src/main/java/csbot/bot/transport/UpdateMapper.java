package csbot.bot.transport;

import csbot.dialogs.io.Inbound;
import csbot.dialogs.io.Origin;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

import java.util.Locale;
import java.util.Optional;

/** Telegram's {@link Update} to our {@link Inbound}; updates the bot has no use for map to nothing. */
@Component
public final class UpdateMapper {

    public Optional<Inbound> map(Update update) {
        long updateId = update.getUpdateId();
        if (update.hasCallbackQuery()) {
            return callback(updateId, update.getCallbackQuery());
        }
        if (update.hasPreCheckoutQuery()) {
            PreCheckoutQuery query = update.getPreCheckoutQuery();
            return Optional.of(new Inbound.PreCheckout(origin(updateId, query.getFrom().getId(), query.getFrom()),
                    query.getId(), query.getCurrency(), query.getTotalAmount(), query.getInvoicePayload()));
        }
        if (update.hasMessage() && update.getMessage().getFrom() != null) {
            return message(updateId, update.getMessage());
        }
        return Optional.empty();
    }

    private Optional<Inbound> callback(long updateId, CallbackQuery query) {
        if (query.getData() == null || query.getFrom() == null) {
            return Optional.empty();
        }
        long chatId = query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
        int messageId = query.getMessage() != null ? query.getMessage().getMessageId() : 0;
        return Optional.of(new Inbound.Button(origin(updateId, chatId, query.getFrom()), query.getId(), messageId,
                query.getData()));
    }

    private Optional<Inbound> message(long updateId, Message message) {
        User from = message.getFrom();
        // a reply in a topic carries the topic's id too; only a topic message is in a topic
        int threadId = Boolean.TRUE.equals(message.getIsTopicMessage()) && message.getMessageThreadId() != null
                ? message.getMessageThreadId() : 0;
        Origin origin = new Origin(updateId, message.getChatId(), from.getId(), from.getFirstName(),
                from.getLanguageCode(), message.getMessageId(), threadId);
        if (message.hasSuccessfulPayment()) {
            SuccessfulPayment paid = message.getSuccessfulPayment();
            return Optional.of(new Inbound.PaymentDone(origin, paid.getCurrency(), paid.getTotalAmount(),
                    paid.getInvoicePayload(), paid.getTelegramPaymentChargeId(),
                    paid.getProviderPaymentChargeId() == null ? "" : paid.getProviderPaymentChargeId()));
        }
        if (message.getRefundedPayment() != null) {
            return Optional.empty(); // Telegram's note of a refund the bot made itself
        }
        if (message.hasContact()) {
            Long owner = message.getContact().getUserId();
            return Optional.of(new Inbound.ContactShared(origin, message.getContact().getPhoneNumber(),
                    owner == null ? 0 : owner));
        }
        if (message.hasText()) {
            return Optional.of(command(origin, message).orElseGet(() -> new Inbound.Text(origin, message.getText())));
        }
        return media(origin, message);
    }

    /** A message starting with a bot_command entity; {@code /Start@csbot hi} → {@code start}, {@code hi}. */
    private Optional<Inbound> command(Origin origin, Message message) {
        if (message.getEntities() == null) {
            return Optional.empty();
        }
        for (MessageEntity entity : message.getEntities()) {
            if ("bot_command".equals(entity.getType()) && entity.getOffset() == 0) {
                String text = message.getText();
                String token = text.substring(1, Math.min(text.length(), entity.getLength()));
                String name = token.contains("@") ? token.substring(0, token.indexOf('@')) : token;
                String args = text.substring(Math.min(text.length(), entity.getLength())).strip();
                return Optional.of(new Inbound.Command(origin, name.toLowerCase(Locale.ROOT), args));
            }
        }
        return Optional.empty();
    }

    private Optional<Inbound> media(Origin origin, Message message) {
        String caption = message.getCaption() == null ? "" : message.getCaption();
        if (message.hasPhoto()) {
            String fileId = message.getPhoto().get(message.getPhoto().size() - 1).getFileId();
            return Optional.of(new Inbound.Media(origin, Inbound.MediaKind.PHOTO, fileId, caption));
        }
        if (message.hasDocument()) {
            return Optional.of(new Inbound.Media(origin, Inbound.MediaKind.DOCUMENT,
                    message.getDocument().getFileId(), caption));
        }
        if (message.hasVoice()) {
            return Optional.of(new Inbound.Media(origin, Inbound.MediaKind.VOICE, message.getVoice().getFileId(),
                    caption));
        }
        if (message.hasSticker()) {
            return Optional.of(new Inbound.Media(origin, Inbound.MediaKind.STICKER,
                    message.getSticker().getFileId(), caption));
        }
        if (message.hasVideo() || message.hasAudio() || message.hasVideoNote() || message.hasAnimation()
                || message.hasLocation()) {
            return Optional.of(new Inbound.Media(origin, Inbound.MediaKind.OTHER, "", caption));
        }
        return Optional.empty(); // service messages (pins, members, …) are nothing the customer said
    }

    private static Origin origin(long updateId, long chatId, User from) {
        return new Origin(updateId, chatId, from.getId(), from.getFirstName(), from.getLanguageCode());
    }
}
