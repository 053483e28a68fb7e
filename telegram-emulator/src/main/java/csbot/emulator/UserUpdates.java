package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** The Update payloads a Telegram client produces for what a user does in a chat. */
final class UserUpdates {

    private UserUpdates() {
    }

    static ObjectNode user(long id, String firstName, String languageCode) {
        ObjectNode user = Json.object().put("id", id).put("is_bot", false).put("first_name", firstName);
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    /**
     * {@code {"message": …}} with the given content fields (text, contact, photo …); the chat keeps the message, so the
     * bot can copy it.
     */
    static ObjectNode message(ChatState chat, ObjectNode from, ObjectNode content) {
        return message(chat, from, 0, content);
    }

    /** As {@link #message(ChatState, ObjectNode, ObjectNode)}, in forum topic {@code threadId} (0 for none). */
    static ObjectNode message(ChatState chat, ObjectNode from, int threadId, ObjectNode content) {
        ObjectNode message = Json.object()
                .put("message_id", chat.nextMessageId())
                .put("date", Instant.now().getEpochSecond());
        if (threadId != 0) {
            message.put("message_thread_id", threadId).put("is_topic_message", true);
        }
        message.set("from", from);
        message.set("chat", chat.json());
        message.setAll(content);
        chat.rememberUserMessage(message);
        return wrap("message", message);
    }

    static ObjectNode voice(MediaFile file, int seconds) {
        ObjectNode voice = Json.object().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                .put("duration", seconds).put("mime_type", "audio/ogg").put("file_size", file.size());
        return (ObjectNode) Json.object().set("voice", voice);
    }

    static ObjectNode sticker(MediaFile file, String emoji) {
        ObjectNode sticker = Json.object().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", false)
                .put("is_video", false).put("emoji", emoji).put("file_size", file.size());
        return (ObjectNode) Json.object().set("sticker", sticker);
    }

    static ObjectNode document(MediaFile file) {
        ObjectNode document = Json.object().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                .put("file_size", file.size()).put("file_name", file.fileName());
        if (file.mimeType() != null) {
            document.put("mime_type", file.mimeType());
        }
        return (ObjectNode) Json.object().set("document", document);
    }

    /** A text; one starting with "/" carries a bot_command entity, which is what makes it a command. */
    static ObjectNode text(String text) {
        ObjectNode content = Json.object().put("text", text);
        if (text.startsWith("/") && text.length() > 1) {
            int end = text.indexOf(' ');
            content.putArray("entities").addObject()
                    .put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end);
        }
        return content;
    }

    /** A shared contact; {@code userId} 0 leaves user_id out, as for a contact not on Telegram. */
    static ObjectNode contact(String phoneNumber, String firstName, long userId) {
        ObjectNode contact = Json.object().put("phone_number", phoneNumber).put("first_name", firstName);
        if (userId != 0) {
            contact.put("user_id", userId);
        }
        return (ObjectNode) Json.object().set("contact", contact);
    }

    static ObjectNode photo(MediaFile file, String caption) {
        ObjectNode content = Json.object();
        content.set("photo", SendMediaMethod.photoSizes(file));
        if (caption != null && !caption.isEmpty()) {
            content.put("caption", caption);
        }
        return content;
    }

    /**
     * A tap on an inline button. {@code message} is the message as the client has it, or null for one
     * that is gone, which Telegram sends as an inaccessible message (date 0).
     */
    static ObjectNode callbackQuery(String queryId, ObjectNode from, ChatState chat, int messageId, JsonNode message,
                                    String data) {
        ObjectNode query = Json.object().put("id", queryId);
        query.set("from", from);
        query.set("message", message != null ? message
                : Json.object().put("message_id", messageId).put("date", 0).set("chat", chat.json()));
        query.put("chat_instance", Long.toString(chat.id() * 31 + 7));
        query.put("data", data);
        return wrap("callback_query", query);
    }

    /** A pre_checkout_query: the user confirmed the payment form; {@code orderInfo} null when it asked nothing. */
    static ObjectNode preCheckoutQuery(String queryId, ObjectNode from, InvoiceTerms terms, ObjectNode orderInfo) {
        ObjectNode query = Json.object().put("id", queryId);
        query.set("from", from);
        query.put("currency", terms.currency())
                .put("total_amount", terms.totalAmount())
                .put("invoice_payload", terms.payload());
        if (orderInfo != null) {
            query.set("order_info", orderInfo);
        }
        return wrap("pre_checkout_query", query);
    }

    /** The service message Telegram sends the bot in the user's name once it has charged them. */
    static ObjectNode successfulPayment(Charge charge, ObjectNode orderInfo) {
        ObjectNode payment = Json.object()
                .put("currency", charge.currency())
                .put("total_amount", charge.totalAmount())
                .put("invoice_payload", charge.invoicePayload());
        if (orderInfo != null) {
            payment.set("order_info", orderInfo);
        }
        payment.put("telegram_payment_charge_id", charge.telegramPaymentChargeId())
                .put("provider_payment_charge_id", charge.providerPaymentChargeId());
        return (ObjectNode) Json.object().set("successful_payment", payment);
    }

    /** The service message about a refund; Stars payments have no provider charge id. */
    static ObjectNode refundedPayment(Charge charge) {
        ObjectNode refund = Json.object()
                .put("currency", charge.currency())
                .put("total_amount", charge.totalAmount())
                .put("invoice_payload", charge.invoicePayload())
                .put("telegram_payment_charge_id", charge.telegramPaymentChargeId());
        if (!charge.providerPaymentChargeId().isEmpty()) {
            refund.put("provider_payment_charge_id", charge.providerPaymentChargeId());
        }
        return (ObjectNode) Json.object().set("refunded_payment", refund);
    }

    private static ObjectNode wrap(String type, ObjectNode payload) {
        return (ObjectNode) Json.object().set(type, payload);
    }
}
