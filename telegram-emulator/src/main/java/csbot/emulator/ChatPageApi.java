package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web chat page's JSON API under {@code /chat/api/}:
 * <ul>
 *   <li>{@code GET settings}: the page settings and the bot's name;</li>
 *   <li>{@code POST text|contact|button}: the user acts ({@link PageAction}s, one registration each);</li>
 *   <li>{@code POST pay}: the user pays an invoice message, as {@link FakeUser#pay}; the answer is the
 *       {@link PaymentResult};</li>
 *   <li>{@code GET events?chat=&after=&timeout=}: long poll of the chat's events after a sequence number;</li>
 *   <li>{@code GET file/<file_id>}: a photo or document shown in the chat;</li>
 *   <li>{@code GET topics?chat=}: a forum group's topics, {@code [{threadId, name}]};</li>
 *   <li>{@code POST topic}: the user posts {@code text} in topic {@code thread} of group {@code chat} (the agents group
 *       of the demo: one person plays the agent next to the customer).</li>
 * </ul>
 */
final class ChatPageApi implements HttpHandler {

    static final String PREFIX = "/chat/api/";
    private static final long MAX_POLL_MILLIS = 30_000;

    private final Users users;
    private final Chats chats;
    private final FileStore files;
    private final EmulatorConfig config;
    private final Map<String, PageAction> actions = new ConcurrentHashMap<>();

    ChatPageApi(Users users, Chats chats, FileStore files, EmulatorConfig config) {
        this.users = users;
        this.chats = chats;
        this.files = files;
        this.config = config;
        actions.put("text", (user, body) -> updateId(user.sendText(required(body, "text"))));
        actions.put("contact", (user, body) -> updateId(user.shareContact(required(body, "phoneNumber"))));
        actions.put("button", (user, body) -> updateId(
                user.sendCallbackData(body.path("messageId").asInt(), required(body, "callbackData"))));
        actions.put("topic", (user, body) -> {
            ChatState group = chats.find(body.path("chat").asLong())
                    .orElseThrow(() -> new IllegalArgumentException("no such group"));
            Topic topic = new ForumGroup(group).topic(body.path("thread").asInt())
                    .orElseThrow(() -> new IllegalArgumentException("no such topic"));
            return updateId(user.postIn(topic, required(body, "text")));
        });
        // Answers once the payment is over: up to the pre-checkout timeout (10 s) if the bot is slow.
        actions.put("pay", (user, body) -> Json.MAPPER.valueToTree(user.pay(body.path("messageId").asInt())));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = Exchanges.body(exchange);
            String route = exchange.getRequestURI().getPath().substring(PREFIX.length());
            try {
                route(exchange, route, body);
            } catch (IllegalArgumentException | BotApiException e) {
                Exchanges.sendJson(exchange, 400, Json.object().put("error", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Exchanges.sendJson(exchange, 503, Json.object().put("error", "closing"));
            }
        }
    }

    private void route(HttpExchange exchange, String route, byte[] body) throws IOException, InterruptedException {
        String verb = exchange.getRequestMethod();
        if (verb.equals("GET") && route.equals("settings")) {
            Exchanges.sendJson(exchange, 200, settings());
        } else if (verb.equals("GET") && route.equals("events")) {
            Exchanges.sendJson(exchange, 200, events(Exchanges.formFields(exchange.getRequestURI().getRawQuery())));
        } else if (verb.equals("GET") && route.equals("topics")) {
            Exchanges.sendJson(exchange, 200, topics(Exchanges.formFields(exchange.getRequestURI().getRawQuery())));
        } else if (verb.equals("GET") && route.startsWith("file/")) {
            sendFile(exchange, route.substring("file/".length()));
        } else if (verb.equals("POST") && actions.containsKey(route)) {
            JsonNode request = Json.MAPPER.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            Exchanges.sendJson(exchange, 200, actions.get(route).perform(user(request.path("user")), request));
        } else {
            Exchanges.sendJson(exchange, 404, Json.object().put("error", "no " + verb + " " + route));
        }
    }

    private ObjectNode settings() {
        ObjectNode settings = Json.object();
        settings.set("settings", Json.MAPPER.valueToTree(config.pageSettings()));
        settings.putObject("bot").put("username", config.botUsername());
        return settings;
    }

    private ObjectNode events(Map<String, String> query) throws InterruptedException {
        long chatId = Long.parseLong(query.getOrDefault("chat", "0"));
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        long timeout = Math.min(MAX_POLL_MILLIS, Long.parseLong(query.getOrDefault("timeout", "25")) * 1000);
        long deadline = System.currentTimeMillis() + timeout;
        // a user who has not written yet has no chat: wait for it to begin, then for its first events
        Optional<ChatState> chat = chats.await(chatId, timeout);
        List<ChatEvent> events = chat.isPresent()
                ? chat.get().awaitAfter(after, deadline - System.currentTimeMillis()) : List.of();
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("events");
        // One by one: Jackson adds the "type" only where the static type is ChatEvent, not in a List<?>.
        events.forEach(event -> list.add(Json.MAPPER.<JsonNode>valueToTree(event)));
        return answer;
    }

    private ObjectNode topics(Map<String, String> query) {
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("topics");
        chats.find(Long.parseLong(query.getOrDefault("chat", "0"))).ifPresent(group -> group.topics().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(topic -> list.addObject().put("threadId", topic.getKey()).put("name", topic.getValue())));
        return answer;
    }

    private void sendFile(HttpExchange exchange, String fileId) throws IOException {
        Optional<MediaFile> file = files.get(fileId);
        if (file.isEmpty()) {
            Exchanges.sendJson(exchange, 404, Json.object().put("error", "no file " + fileId));
            return;
        }
        String type = file.get().mimeType() == null || file.get().mimeType().equals("application/octet-stream")
                ? guessType(file.get()) : file.get().mimeType();
        Exchanges.send(exchange, 200, type, file.get().bytes());
    }

    /** Bot API clients upload everything as octet-stream; browsers need the image type to show a photo. */
    private static String guessType(MediaFile file) {
        byte[] b = file.bytes();
        if (b.length > 3 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }

    private FakeUser user(JsonNode user) {
        long id = user.path("id").asLong();
        String firstName = user.path("firstName").asText("");
        if (id <= 0 || firstName.isEmpty()) {
            throw new IllegalArgumentException("user.id and user.firstName are required");
        }
        String language = user.path("languageCode").asText(null);
        return users.user(id, firstName, language);
    }

    private static String required(JsonNode body, String field) {
        String value = body.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static JsonNode updateId(long id) {
        return Json.object().put("updateId", id);
    }
}
