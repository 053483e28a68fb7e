package csbot.bot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The demo's web chat page as a program: the same HTTP calls chat.js makes (settings, the simulator's personas, the
 * user's actions, the event long poll), so a test does over HTTP what a person does in the browser.
 */
final class WebChat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI page;

    WebChat(URI page) {
        this.page = page;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(page.resolve(path)).GET().build());
    }

    /** Posts a form, as a browser submits one (the simulator's checkout page). */
    HttpResponse<String> postForm(URI target, String form) {
        return send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
    }

    /** {@code GET /chat/api/settings}: what the demo handed the page (the simulator's address) and the bot's name. */
    JsonNode settings() {
        return json(get("chat/api/settings"));
    }

    /** The customers the page lists: {@code GET {simulatorUrl}/sim/customers}, as the page fetches them. */
    List<JsonNode> personas() {
        String simulator = settings().at("/settings/simulatorUrl").asText();
        JsonNode list = json(send(HttpRequest.newBuilder(URI.create(simulator + "/sim/customers")).GET().build()));
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    /** Chats as this persona, with this Telegram client language, as choosing it in the page does. */
    Person as(JsonNode persona, String languageCode) {
        String msisdn = persona.get("msisdn").asText();
        return new Person(stableUserId(msisdn), persona.get("name").asText(), languageCode, msisdn);
    }

    /**
     * How many messages of the user the page shows in this chat: texts, contacts, photos, not button taps nor
     * confirmed payment forms.
     */
    long userMessagesIn(long chatId) {
        JsonNode events = json(get("chat/api/events?chat=" + chatId + "&after=0&timeout=0")).get("events");
        return StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("user")
                        && !List.of("callback", "pre_checkout").contains(e.path("kind").asText()))
                .count();
    }

    /** The page's Telegram user id for a persona, derived from the number (chat.js {@code stableUserId}, FNV-1a). */
    static long stableUserId(String msisdn) {
        int hash = 0x811c9dc5;
        for (char c : msisdn.toCharArray()) {
            hash = (hash ^ c) * 0x01000193;
        }
        return 1_000_000_000L + Integer.toUnsignedLong(hash) % 900_000_000L;
    }

    /** One person in the page: their actions, and the chat's events as the page's long poll receives them. */
    final class Person {

        final long id;
        final String msisdn;
        private final ObjectNode user;
        private long after;
        private JsonNode replyKeyboard;
        private final List<String> seen = new ArrayList<>();

        private Person(long id, String firstName, String languageCode, String msisdn) {
            this.id = id;
            this.msisdn = msisdn;
            this.user = JSON.createObjectNode().put("id", id).put("firstName", firstName)
                    .put("languageCode", languageCode);
            // the page starts its stream from the chat's beginning; a test only cares about what happens next
            for (JsonNode event : events(0)) {
                after = Math.max(after, event.get("seq").asLong());
            }
        }

        /** Types a text and sends it (the composer, or a plain reply-keyboard button). */
        void says(String text) {
            post("text", JSON.createObjectNode().put("text", text));
        }

        /**
         * Taps the reply-keyboard button that asks for the contact, as the page does: it shares the persona's own
         * number. Returns the button's label as the bot sent it.
         */
        String tapsShareContact() {
            JsonNode button = replyButtons().stream().filter(b -> b.path("requestContact").asBoolean()).findFirst()
                    .orElseThrow(() -> new AssertionError("no contact button on the reply keyboard " + replyKeyboard
                            + "\n" + transcript()));
            post("contact", JSON.createObjectNode().put("phoneNumber", msisdn));
            return button.get("text").asText();
        }

        /** Taps an inline button (by its label) under a bot message. */
        void taps(JsonNode message, String label) {
            JsonNode button = StreamSupport.stream(message.get("inlineKeyboard").spliterator(), false)
                    .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
                    .filter(b -> b.get("label").asText().equals(label)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button " + label + " on " + message));
            post("button", JSON.createObjectNode().put("messageId", message.get("messageId").asInt())
                    .put("callbackData", button.get("callbackData").asText()));
        }

        /**
         * Taps Pay on an invoice message, as the page's Pay button does: {@code POST /chat/api/pay}, which sends the bot
         * the pre-checkout query and, once the bot agrees, charges and sends it the successful payment. The answer
         * says how the payment ended ({@code outcome}, {@code charge}).
         */
        JsonNode pays(JsonNode invoiceMessage) {
            ObjectNode body = JSON.createObjectNode().put("messageId", invoiceMessage.get("messageId").asInt());
            body.set("user", user);
            HttpResponse<String> response = send(HttpRequest.newBuilder(page.resolve("chat/api/pay"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
            if (response.statusCode() != 200) {
                throw new AssertionError("POST /chat/api/pay answered " + response.statusCode() + " "
                        + response.body() + "\n" + transcript());
            }
            return json(response);
        }

        /** The address an inline URL button (by its label) under a bot message opens. */
        URI linkOf(JsonNode message, String label) {
            JsonNode button = StreamSupport.stream(message.get("inlineKeyboard").spliterator(), false)
                    .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
                    .filter(b -> b.get("label").asText().equals(label) && b.hasNonNull("url")).findFirst()
                    .orElseThrow(() -> new AssertionError("no link button " + label + " on " + message));
            return URI.create(button.get("url").asText());
        }

        /** The reply keyboard on screen: the latest one the bot sent (none once removed). */
        List<JsonNode> replyButtons() {
            if (replyKeyboard == null || replyKeyboard.path("remove").asBoolean()) {
                return List.of();
            }
            return StreamSupport.stream(replyKeyboard.get("rows").spliterator(), false)
                    .flatMap(row -> StreamSupport.stream(row.spliterator(), false)).toList();
        }

        /** The next bot message (new or edited) whose text has every fragment; earlier ones are passed over. */
        JsonNode awaitMessage(String... fragments) {
            return await("a bot message with " + Arrays.toString(fragments), event -> event.get("type").asText().equals("message")
                    && Arrays.stream(fragments).allMatch(f -> event.at("/message/text").asText().contains(f))).get("message");
        }

        /** The next invoice the bot sends: a message carrying Telegram's {@code invoice}, shown as a card. */
        JsonNode awaitInvoice() {
            return await("an invoice", event -> event.get("type").asText().equals("message")
                    && event.at("/message/telegram/invoice").isObject()).get("message");
        }

        /** The next event of this type in the chat's stream, e.g. "payment" (Telegram took the money). */
        JsonNode awaitEvent(String type) {
            return await("a " + type + " event", event -> event.get("type").asText().equals(type));
        }

        /** The next answer to a tapped button (the toast) whose text has this fragment. */
        JsonNode awaitToast(String fragment) {
            return await("a toast with " + fragment, event -> event.get("type").asText().equals("callbackAnswer")
                    && event.at("/answer/text").asText().contains(fragment)).get("answer");
        }

        private JsonNode await(String what, Predicate<JsonNode> wanted) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                long secondsLeft = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
                for (JsonNode event : events(secondsLeft)) {
                    after = Math.max(after, event.get("seq").asLong());
                    note(event);
                    if (wanted.test(event)) {
                        return event;
                    }
                }
            }
            throw new AssertionError("no " + what + " within " + WAIT + "\n" + transcript());
        }

        String transcript() {
            return String.join("\n", seen);
        }

        private void note(JsonNode event) {
            switch (event.get("type").asText()) {
                case "message" -> {
                    JsonNode message = event.get("message");
                    seen.add((message.path("edited").asBoolean() ? "bot (edit): " : "bot: ") + message.get("text").asText());
                    if (message.hasNonNull("replyKeyboard")) {
                        replyKeyboard = message.get("replyKeyboard");
                    }
                }
                case "callbackAnswer" -> seen.add("toast: " + event.at("/answer/text").asText());
                case "user" -> seen.add("user: " + event.path("text").asText());
                case "preCheckoutAnswer" -> seen.add("pre-checkout answered " + (event.at("/answer/ok").asBoolean()
                        ? "ok" : "no: " + event.at("/answer/errorMessage").asText()));
                case "payment" -> seen.add("paid: " + event.at("/charge/totalAmount").asText() + " "
                        + event.at("/charge/currency").asText());
                default -> seen.add(event.toString());
            }
        }

        private List<JsonNode> events(long timeoutSeconds) {
            JsonNode answer = json(get("chat/api/events?chat=" + id + "&after=" + after + "&timeout=" + timeoutSeconds));
            return StreamSupport.stream(answer.get("events").spliterator(), false).toList();
        }

        private void post(String action, ObjectNode body) {
            body.set("user", user);
            HttpResponse<String> response = send(HttpRequest.newBuilder(page.resolve("chat/api/" + action))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
            if (response.statusCode() != 200 || !json(response).has("updateId")) {
                throw new AssertionError("POST /chat/api/" + action + " answered " + response.statusCode() + " "
                        + response.body());
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
