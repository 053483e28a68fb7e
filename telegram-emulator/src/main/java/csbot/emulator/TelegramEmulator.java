package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local Telegram over real HTTP: the Bot API at {@code /bot<token>/<method>} for the bot under test,
 * {@link FakeUser}s and raw updates for tests, and a web chat at {@code /} for people.
 *
 * <pre>{@code
 * try (TelegramEmulator telegram = TelegramEmulator.start(EmulatorConfig.defaults())) {
 *     // point the bot at telegram.baseUrl() with telegram.token()
 *     FakeUser ann = telegram.user(1001, "Ann", "en");
 *     ann.sendText("/start");
 *     assertThat(ann.nextMessage().buttons()).contains("Balance");
 * }
 * }</pre>
 */
public final class TelegramEmulator implements AutoCloseable {

    private final EmulatorConfig config;
    private final Chats chats = new Chats();
    private final UpdateQueue queue = new UpdateQueue();
    private final FileStore files = new FileStore();
    private final CallbackQueries callbacks = new CallbackQueries();
    private final CallLog callLog;
    private final FaultInjector faults = new FaultInjector();
    private final RateLimiter limiter;
    private final BotApi api;
    private final WebhookDelivery webhook;
    private final Payments payments;
    private final Users users;
    private final HttpFrontend http;

    private TelegramEmulator(EmulatorConfig config) {
        this.config = config;
        this.callLog = new CallLog(config.callLogLimit());
        this.limiter = new RateLimiter(config.limits());
        this.api = new BotApi(faults, limiter, callLog);
        this.webhook = new WebhookDelivery(queue);
        this.payments = new Payments(config.preCheckoutTimeout(), queue);
        this.users = new Users(chats, queue, callbacks, files, new Checkout(payments, queue));
        registerMethods();
        try {
            this.http = new HttpFrontend(config.host(), config.port(), config.httpThreads(), Map.of(
                    BotApiHandler.PREFIX, new BotApiHandler(config.token(), api),
                    FileDownloadHandler.PREFIX, new FileDownloadHandler(config.token(), files),
                    ChatPageApi.PREFIX, new ChatPageApi(users, chats, files, config),
                    "/", new StaticFiles()));
        } catch (RuntimeException e) {
            webhook.close();  // e.g. the port is taken: leave no thread behind
            throw e;
        }
    }

    public static TelegramEmulator start(EmulatorConfig config) {
        return new TelegramEmulator(config);
    }

    public static TelegramEmulator start() {
        return start(EmulatorConfig.defaults());
    }

    private void registerMethods() {
        ObjectNode bot = UserUpdates.user(config.botId(), "csbot", null).put("is_bot", true)
                .put("username", config.botUsername());
        ObjectNode me = bot.deepCopy().put("can_join_groups", true).put("can_read_all_group_messages", false)
                .put("supports_inline_queries", false);
        BotOutbox outbox = new BotOutbox(bot);
        EditMethods edits = new EditMethods(chats, outbox);
        InvoiceMethods invoices = new InvoiceMethods(chats, outbox, payments);
        WebhookMethods webhooks = new WebhookMethods(webhook, queue);
        api.register("getMe", call -> me);
        api.register("getUpdates", new GetUpdatesMethod(queue, webhook));
        api.register("setWebhook", webhooks::set);
        api.register("deleteWebhook", webhooks::delete);
        api.register("getWebhookInfo", webhooks::info);
        api.register("sendMessage", new SendMessageMethod(chats, outbox));
        api.register("sendPhoto", new SendMediaMethod("photo", chats, files, outbox));
        api.register("sendDocument", new SendMediaMethod("document", chats, files, outbox));
        ForumTopics topics = new ForumTopics(chats);
        api.register("createForumTopic", topics::create);
        api.register("copyMessage", new CopyMessageMethod(chats, files, outbox));
        api.register("getChatMember", this::chatMember);
        api.register("editMessageText", edits::editText);
        api.register("editMessageCaption", edits::editCaption);
        api.register("editMessageReplyMarkup", edits::editReplyMarkup);
        api.register("deleteMessage", call -> {
            chats.forBot(call.chatId()).delete(call.messageId());
            return BooleanNode.TRUE;
        });
        api.register("answerCallbackQuery", callbacks);
        api.register("getFile", new GetFileMethod(files));
        api.register("sendInvoice", invoices::sendInvoice);
        api.register("createInvoiceLink", invoices::createInvoiceLink);
        api.register("answerPreCheckoutQuery", payments::answerPreCheckoutQuery);
        api.register("refundStarPayment", payments::refundStarPayment);
        for (String setter : List.of("setMyCommands", "deleteMyCommands", "sendChatAction", "setChatMenuButton",
                "setMyName", "setMyDescription", "setMyShortDescription")) {
            api.register(setter, call -> BooleanNode.TRUE);
        }
    }

    /** Adds or replaces a Bot API method; names match case-insensitively, as in Telegram. */
    public void registerMethod(String name, BotMethod method) {
        api.register(name, method);
    }

    /**
     * The method registered under this name (any case), e.g. to wrap it: a benchmark that times the bot's replies
     * registers {@code call -> { JsonNode r = original.handle(call); record(call); return r; }}.
     */
    public Optional<BotMethod> method(String name) {
        return api.method(name);
    }

    public EmulatorConfig config() {
        return config;
    }

    /** E.g. {@code http://127.0.0.1:41234}: the Bot API is below it at {@code /bot<token>/}. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + http.port();
    }

    public String host() {
        return config.host();
    }

    public int port() {
        return http.port();
    }

    public String token() {
        return config.token();
    }

    // ---- users and updates ----

    /**
     * The user with this id and their private chat with the bot. Asking again for the same id gives the
     * same user (and read cursors), with the name and language updated.
     */
    public FakeUser user(long id, String firstName, String languageCode) {
        return users.user(id, firstName, languageCode);
    }

    /**
     * The supergroup with topics enabled under this (negative) id, e.g. an agents group; made on first use, with the
     * bot in it. Its members are FakeUsers added with {@link ForumGroup#addMember}.
     */
    public ForumGroup forumGroup(long chatId, String title) {
        return new ForumGroup(chats.forumGroup(chatId, title));
    }

    /** getChatMember: a private chat's user is its member; in a group, whoever was added, else "left". */
    private JsonNode chatMember(MethodCall call) {
        ChatState chat = chats.forBot(call.chatId());
        long userId = call.requiredLong("user_id");
        if (chat.id() == userId) {
            return Json.object().put("status", "member").set("user", chat.json().deepCopy().put("is_bot", false));
        }
        ChatState.Member member = chat.member(userId).orElseGet(() -> new ChatState.Member(
                UserUpdates.user(userId, "User " + userId, null), "left"));
        ObjectNode answer = Json.object().put("status", member.status());
        answer.set("user", member.user());
        if (member.status().equals("administrator")) {
            answer.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", true).put("can_manage_video_chats", false)
                    .put("can_restrict_members", false).put("can_promote_members", false)
                    .put("can_change_info", false).put("can_invite_users", true).put("can_post_stories", false)
                    .put("can_edit_stories", false).put("can_delete_stories", false)
                    .put("can_manage_topics", true);
        }
        if (member.status().equals("kicked")) {
            answer.put("until_date", 0);
        }
        return answer;
    }

    /** Queues any update (without update_id, which this assigns); returns its update_id. */
    public long enqueue(ObjectNode updateWithoutId) {
        QueuedUpdate update = queue.enqueue(updateWithoutId);
        JsonNode payload = update.json().get(update.type());
        chats.learn(payload.has("chat") ? payload.get("chat") : payload.path("message").path("chat"));
        return update.updateId();
    }

    /** Delivers an update again, same update_id and content: what a lost confirmation looks like to a bot. */
    public void redeliver(long updateId) {
        queue.redeliver(updateId);
    }

    /** Updates the bot has not confirmed yet (via getUpdates offset, or a 2xx from its webhook). */
    public int pendingUpdateCount() {
        return queue.pendingCount();
    }

    public void awaitIdle() {
        awaitIdle(FakeUser.DEFAULT_TIMEOUT);
    }

    /** Waits until the bot has confirmed every update; fails after {@code timeout}. */
    public void awaitIdle(Duration timeout) {
        try {
            if (!queue.awaitEmpty(timeout.toMillis())) {
                throw new ConversationAssertionError(queue.pendingCount() + " updates still unconfirmed after "
                        + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationAssertionError("interrupted while waiting for the bot to confirm its updates");
        }
    }

    /** The webhook url, when one is set. */
    public Optional<String> webhookUrl() {
        return webhook.target().map(WebhookDelivery.Target::url);
    }

    // ---- what the bot called ----

    public List<ApiCall> calls() {
        return callLog.all();
    }

    public List<ApiCall> calls(String method) {
        return callLog.of(method);
    }

    public void clearCalls() {
        callLog.clear();
    }

    /** A file the bot uploaded or a user sent, by file_id. */
    public Optional<MediaFile> file(String fileId) {
        return files.get(fileId);
    }

    // ---- payments ----

    /** What Telegram charged users for invoices, in order: to compare with the backend's ledger. */
    public List<Charge> charges() {
        return payments.charges();
    }

    /** The charges the bot refunded (refundStarPayment), in order. */
    public List<Refund> refunds() {
        return payments.refunds();
    }

    // ---- faults and limits ----

    /** The next {@code times} calls of {@code method} fail with this error ({@code retryAfterSeconds} 0 for none). */
    public void failNext(String method, int times, int errorCode, String description, int retryAfterSeconds) {
        faults.failNext(method, times, new ApiError(errorCode, description, retryAfterSeconds));
    }

    public LimitStats limitStats() {
        return new LimitStats(limiter.perChatRejections(), limiter.globalRejections(), faults.injected429s());
    }

    /** All 429s answered so far: by the limits and injected. */
    public long tooManyRequestsCount() {
        return limitStats().total();
    }

    @Override
    public void close() {
        webhook.close();
        http.close();
    }
}
