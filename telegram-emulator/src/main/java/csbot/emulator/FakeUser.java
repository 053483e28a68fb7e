package csbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A Telegram user in a private chat with the bot (chat id = user id), for tests that read like chats:
 * the user acts ({@code sendText}, {@code tap} …, each returning the update id; {@link #pay} an invoice)
 * and reads what the bot did since the last read ({@link #nextMessage()}, {@link #nextCallbackAnswer()}).
 * One instance per user id, so the read cursors are shared by whoever holds it.
 */
public final class FakeUser {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private record Profile(String firstName, String languageCode, String phoneNumber) {
    }

    private final long id;
    private final ChatState chat;
    private final UpdateQueue queue;
    private final CallbackQueries callbacks;
    private final FileStore files;
    private final Checkout checkout;
    private volatile Profile profile;
    private long messageCursor;
    private long answerCursor;
    private long preCheckoutCursor;

    FakeUser(long id, String firstName, String languageCode, ChatState chat, UpdateQueue queue,
             CallbackQueries callbacks, FileStore files, Checkout checkout) {
        this.id = id;
        this.chat = chat;
        this.queue = queue;
        this.callbacks = callbacks;
        this.files = files;
        this.checkout = checkout;
        this.profile = new Profile(Objects.requireNonNull(firstName, "firstName"), languageCode, null);
    }

    public long id() {
        return id;
    }

    public long chatId() {
        return chat.id();
    }

    public String firstName() {
        return profile.firstName();
    }

    public String languageCode() {
        return profile.languageCode();
    }

    /** The number a request_contact button shares, as Telegram gives it: digits, with or without "+". */
    public FakeUser withPhoneNumber(String phoneNumber) {
        Profile current = profile;
        profile = new Profile(current.firstName(), current.languageCode(), phoneNumber);
        return this;
    }

    /** A user may rename themselves or switch their client's language between updates. */
    void updateProfile(String firstName, String languageCode) {
        Profile current = profile;
        profile = new Profile(firstName, languageCode, current.phoneNumber());
    }

    // ---- what the user does ----

    public long sendText(String text) {
        return act("text", text, UserUpdates.text(text));
    }

    /** Shares the user's own contact (contact.user_id = this user), as a request_contact button does. */
    public long shareContact(String phoneNumber) {
        return shareContact(phoneNumber, id);
    }

    /** Shares a contact of someone else ({@code contactUserId}), or of nobody on Telegram (0). */
    public long shareContact(String phoneNumber, long contactUserId) {
        String name = contactUserId == id ? profile.firstName() : "Contact";
        String shown = "📱 " + phoneNumber + (contactUserId == id ? "" : " (contact of " + contactUserId + ")");
        return act("contact", shown, UserUpdates.contact(phoneNumber, name, contactUserId));
    }

    public long sendPhoto(byte[] image, String caption) {
        MediaFile file = files.store("photo", new UploadedFile("photo.jpg", "image/jpeg", image));
        return act("photo", "🖼 photo " + (caption == null ? "" : caption), UserUpdates.photo(file, caption));
    }

    /** Sends a file (e.g. a PDF of a bill) as a document. */
    public long sendDocument(byte[] content, String fileName, String mimeType) {
        MediaFile file = files.store("document", new UploadedFile(fileName, mimeType, content));
        return act("document", "📄 " + fileName, UserUpdates.document(file));
    }

    /** Records a voice message of {@code seconds} (OGG/Opus as Telegram clients send). */
    public long sendVoice(byte[] audio, int seconds) {
        MediaFile file = files.store("voice", new UploadedFile("voice.ogg", "audio/ogg", audio));
        return act("voice", "🎤 voice " + seconds + " s", UserUpdates.voice(file, seconds));
    }

    /** Sends a sticker showing {@code emoji}. */
    public long sendSticker(String emoji) {
        MediaFile file = files.store("sticker", new UploadedFile("sticker.webp", "image/webp", new byte[]{'R', 'I', 'F', 'F'}));
        return act("sticker", "sticker " + emoji, UserUpdates.sticker(file, emoji));
    }

    // ---- in a group with topics ----

    /** Posts a text in a forum topic, as a member of its group (or as anyone: see {@link ForumGroup}). */
    public long postIn(Topic topic, String text) {
        return actIn(topic, "text", text, UserUpdates.text(text));
    }

    public long postPhotoIn(Topic topic, byte[] image, String caption) {
        MediaFile file = files.store("photo", new UploadedFile("photo.jpg", "image/jpeg", image));
        return actIn(topic, "photo", "🖼 photo " + (caption == null ? "" : caption), UserUpdates.photo(file, caption));
    }

    private long actIn(Topic topic, String kind, String shown, ObjectNode content) {
        ChatState group = topic.group().chat();
        ObjectNode update = UserUpdates.message(group, from(), topic.threadId(), content);
        return group.memberPost(topic.threadId(), id, firstName(), kind, shown, () -> queue.enqueue(update).updateId());
    }

    /**
     * Taps the inline button with this label (exactly, or else containing it) on the newest bot message
     * that has one.
     */
    public long tap(String buttonLabel) {
        List<BotMessage> messages = chat.messagesNewestFirst();
        return tapFirst(messages, buttonLabel, String::equals)
                .or(() -> tapFirst(messages, buttonLabel, String::contains))
                .orElseThrow(() -> new ConversationAssertionError(
                        "No inline button \"" + buttonLabel + "\" in the chat\n" + transcript()));
    }

    /** Taps the button with this label (exactly, or else containing it) on one message. */
    public long tapOn(int messageId, String buttonLabel) {
        BotMessage message = chat.message(messageId).orElseThrow(() -> new ConversationAssertionError(
                "No bot message #" + messageId + " in the chat\n" + transcript()));
        InlineButton button = message.button(buttonLabel).orElseThrow(() -> new ConversationAssertionError(
                "No button \"" + buttonLabel + "\" on message #" + messageId + " " + message.buttons()
                        + "\n" + transcript()));
        return press(message, button);
    }

    /** A callback query with any data, e.g. forged or from an expired flow. */
    public long sendCallbackData(int messageId, String data) {
        return callback(messageId, data, "[callback " + data + "]");
    }

    /** Taps a button of the reply keyboard on screen: sends its text, or the contact for request_contact. */
    public long tapReplyButton(String label) {
        ReplyKeyboard keyboard = currentReplyKeyboard().orElseThrow(() -> new ConversationAssertionError(
                "No reply keyboard on screen\n" + transcript()));
        List<ReplyButton> buttons = keyboard.rows().stream().flatMap(List::stream).toList();
        ReplyButton button = buttons.stream().filter(b -> b.text().equals(label)).findFirst()
                .or(() -> buttons.stream().filter(b -> b.text().contains(label)).findFirst())
                .orElseThrow(() -> new ConversationAssertionError(
                        "No reply button \"" + label + "\" in " + keyboard.labels() + "\n" + transcript()));
        chat.replyKeyboardUsed();
        if (!button.requestContact()) {
            return sendText(button.text());
        }
        String phone = profile.phoneNumber();
        if (phone == null) {
            throw new IllegalStateException("user " + id + " has no phone number to share: use withPhoneNumber");
        }
        return shareContact(phone);
    }

    // ---- paying ----

    /**
     * Pays an invoice message as a Telegram client and Telegram do when the user taps Pay and confirms: a
     * pre_checkout_query to the bot, a wait for its answer (up to the config's preCheckoutTimeout, Telegram's
     * 10 s), then, if it said ok, the charge ({@link TelegramEmulator#charges()}) and a successful_payment
     * message in the chat. Declined or unanswered, nothing is charged. An invoice message already paid is not
     * paid again: no query, {@code ALREADY_PAID}; a second tap while the first waits for the bot waits for it.
     */
    public PaymentResult pay(BotMessage invoiceMessage) {
        int messageId = invoiceIn(invoiceMessage);
        try {
            return pay(messageId);
        } catch (IllegalArgumentException e) {
            throw new ConversationAssertionError(e.getMessage() + "\n" + transcript());
        }
    }

    /** The web page's Pay: as {@link #pay(BotMessage)}; IllegalArgumentException for a message that is no invoice. */
    PaymentResult pay(int invoiceMessageId) {
        try {
            return checkout.pay(chat, payer(), invoiceMessageId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationAssertionError("Interrupted while paying\n" + transcript());
        }
    }

    /**
     * Only the pre_checkout_query for an invoice, paid or not, without waiting: for a test that answers or
     * ignores it its own way. The bot's answer shows in {@link #nextPreCheckoutAnswer()}; nothing is charged.
     */
    public String sendPreCheckout(BotMessage invoiceMessage) {
        int messageId = invoiceIn(invoiceMessage);
        try {
            return checkout.sendPreCheckout(chat, payer(), messageId);
        } catch (IllegalArgumentException e) {
            throw new ConversationAssertionError(e.getMessage() + "\n" + transcript());
        }
    }

    /**
     * A successful_payment message for an invoice, whatever the bot answered before: a new charge when
     * {@code telegramPaymentChargeId} is new, or the same payment delivered again (no new charge) when it is the
     * id of an earlier charge for this invoice. Returns the update id.
     */
    public long sendSuccessfulPayment(BotMessage invoiceMessage, String telegramPaymentChargeId) {
        int messageId = invoiceIn(invoiceMessage);
        try {
            return checkout.sendSuccessfulPayment(chat, payer(), messageId,
                    Objects.requireNonNull(telegramPaymentChargeId, "telegramPaymentChargeId"));
        } catch (IllegalArgumentException e) {
            throw new ConversationAssertionError(e.getMessage() + "\n" + transcript());
        }
    }

    public PreCheckoutAnswer nextPreCheckoutAnswer() {
        return nextPreCheckoutAnswer(DEFAULT_TIMEOUT);
    }

    /** The bot's next answerPreCheckoutQuery in this chat since the last read. */
    public synchronized PreCheckoutAnswer nextPreCheckoutAnswer(Duration timeout) {
        ChatEvent.PreCheckoutAnswered event = await(preCheckoutCursor, ChatEvent.PreCheckoutAnswered.class, timeout);
        if (event == null) {
            throw new ConversationAssertionError("No answerPreCheckoutQuery within " + timeout.toMillis() + " ms\n"
                    + transcript());
        }
        preCheckoutCursor = event.seq();
        return event.answer();
    }

    // ---- what the bot did ----

    public BotMessage nextMessage() {
        return nextMessage(DEFAULT_TIMEOUT);
    }

    /** The next message the bot sent or edited in this chat since the last read. */
    public synchronized BotMessage nextMessage(Duration timeout) {
        ChatEvent.BotMessageEvent event = await(messageCursor, ChatEvent.BotMessageEvent.class, timeout);
        if (event == null) {
            throw new ConversationAssertionError("No message from the bot within " + timeout.toMillis()
                    + " ms after what was read already\n" + transcript());
        }
        messageCursor = event.seq();
        return event.message();
    }

    /** Fails if the bot sends or edits a message within {@code quietTime}. */
    public synchronized void expectNoMessage(Duration quietTime) {
        ChatEvent.BotMessageEvent event = await(messageCursor, ChatEvent.BotMessageEvent.class, quietTime);
        if (event != null) {
            throw new ConversationAssertionError("Expected no message from the bot, got #"
                    + event.message().messageId() + " \"" + event.message().text() + "\"\n" + transcript());
        }
    }

    public CallbackAnswer nextCallbackAnswer() {
        return nextCallbackAnswer(DEFAULT_TIMEOUT);
    }

    public synchronized CallbackAnswer nextCallbackAnswer(Duration timeout) {
        ChatEvent.CallbackAnswered event = await(answerCursor, ChatEvent.CallbackAnswered.class, timeout);
        if (event == null) {
            throw new ConversationAssertionError("No answerCallbackQuery within " + timeout.toMillis() + " ms\n"
                    + transcript());
        }
        answerCursor = event.seq();
        return event.answer();
    }

    public List<String> buttonsOf(BotMessage message) {
        return message.buttons();
    }

    /** The reply keyboard the user's client shows now, if any. */
    public Optional<ReplyKeyboard> currentReplyKeyboard() {
        return chat.replyKeyboard();
    }

    /** Both sides of the chat so far, for failure messages. */
    public String transcript() {
        return Transcript.of(chat.id(), chat.events());
    }

    // ---- internals ----

    private Optional<Long> tapFirst(List<BotMessage> newestFirst, String label, BiPredicate<String, String> matches) {
        for (BotMessage message : newestFirst) {
            for (List<InlineButton> row : message.inlineKeyboard()) {
                for (InlineButton button : row) {
                    if (matches.test(button.label(), label)) {
                        return Optional.of(press(message, button));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private long press(BotMessage message, InlineButton button) {
        if (button.callbackData() == null && button.url() == null && message.telegram().has("invoice")) {
            throw new ConversationAssertionError("Button \"" + button.label() + "\" is the invoice's Pay button:"
                    + " use pay(message)\n" + transcript());
        }
        if (button.callbackData() == null) {
            throw new ConversationAssertionError("Button \"" + button.label() + "\" opens " + button.url()
                    + ", it sends no callback\n" + transcript());
        }
        return callback(message.messageId(), button.callbackData(), "[" + button.label() + "]");
    }

    private long callback(int messageId, String data, String shown) {
        ObjectNode message = chat.message(messageId).map(m -> (ObjectNode) m.telegram()).orElse(null);
        ObjectNode update = UserUpdates.callbackQuery(callbacks.open(chat), from(), chat, messageId, message, data);
        return chat.userAction("callback", shown, () -> queue.enqueue(update).updateId());
    }

    private long act(String kind, String shown, ObjectNode content) {
        ObjectNode update = UserUpdates.message(chat, from(), content);
        return chat.userAction(kind, shown, () -> queue.enqueue(update).updateId());
    }

    private int invoiceIn(BotMessage invoiceMessage) {
        if (invoiceMessage.chatId() != chat.id()) {
            throw new ConversationAssertionError("Message #" + invoiceMessage.messageId() + " is in chat "
                    + invoiceMessage.chatId() + ", not in the chat of user " + id + "\n" + transcript());
        }
        return invoiceMessage.messageId();
    }

    private Checkout.Payer payer() {
        Profile current = profile;
        return new Checkout.Payer(id, from(), current.firstName(), current.phoneNumber());
    }

    private ObjectNode from() {
        Profile current = profile;
        return UserUpdates.user(id, current.firstName(), current.languageCode());
    }

    private <T extends ChatEvent> T await(long cursor, Class<T> type, Duration timeout) {
        try {
            return chat.awaitNext(cursor, type, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationAssertionError("Interrupted while waiting for the bot\n" + transcript());
        }
    }
}
