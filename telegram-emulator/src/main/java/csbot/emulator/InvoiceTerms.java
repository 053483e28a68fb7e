package csbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an invoice asks for, read from sendInvoice or createInvoiceLink parameters and checked as Telegram
 * checks them: Stars ({@code XTR}) take no provider token and exactly one price; a fiat currency needs a
 * provider token; the total must be in the currency's range; the payload is at most 128 bytes. Title and
 * description are cut to 32 and 255 characters, as Telegram does.
 *
 * @param prices the price parts as sent; their sum is {@code totalAmount}, in the currency's smallest units
 */
record InvoiceTerms(String title, String description, String payload, String providerToken, String currency,
                    List<Price> prices, int totalAmount, String startParameter, boolean needName,
                    boolean needPhoneNumber, boolean needEmail, boolean needShippingAddress, boolean flexible) {

    record Price(String label, long amount) {
    }

    static final int MAX_TITLE_LENGTH = 32;
    static final int MAX_DESCRIPTION_LENGTH = 255;
    static final int MAX_PAYLOAD_BYTES = 128;

    /**
     * What a payment provider's token from @BotFather looks like, e.g. {@code 284685063:TEST:NzZmYjA1}; anything
     * else is a provider Telegram does not know.
     */
    private static final Pattern PROVIDER_TOKEN = Pattern.compile("\\d+:(TEST|LIVE):\\S+");

    InvoiceTerms {
        prices = List.copyOf(prices);
    }

    static InvoiceTerms read(MethodCall call) {
        String title = cut(required(call, "title"), MAX_TITLE_LENGTH);
        String description = cut(required(call, "description"), MAX_DESCRIPTION_LENGTH);
        String payload = required(call, "payload");
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw ApiError.badRequest("INVOICE_PAYLOAD_INVALID").exception();
        }
        String currency = required(call, "currency");
        if (!Currencies.known(currency)) {
            throw ApiError.badRequest("CURRENCY_INVALID").exception();
        }
        List<Price> prices = prices(call.json("prices"));
        String token = call.text("provider_token") == null ? "" : call.text("provider_token");
        boolean stars = Currencies.isStars(currency);
        if (stars ? !token.isEmpty() : !PROVIDER_TOKEN.matcher(token).matches()) {
            throw ApiError.badRequest("PAYMENT_PROVIDER_INVALID").exception();
        }
        if (stars && (prices.size() != 1 || call.longParam("max_tip_amount", 0) != 0
                || !call.json("suggested_tip_amounts").isEmpty())) {
            throw ApiError.badRequest("STARS_INVOICE_INVALID").exception();
        }
        long total = prices.stream().mapToLong(Price::amount).sum();
        if (!Currencies.totalAllowed(currency, total) || (stars && prices.get(0).amount() <= 0)) {
            throw ApiError.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID").exception();
        }
        String start = call.text("start_parameter");
        // Telegram ignores what it would ask the payer for in a Stars payment.
        return new InvoiceTerms(title, description, payload, token, currency, prices, (int) total,
                start == null ? "" : start, !stars && call.flag("need_name"), !stars && call.flag("need_phone_number"),
                !stars && call.flag("need_email"), !stars && call.flag("need_shipping_address"),
                !stars && call.flag("is_flexible"));
    }

    boolean stars() {
        return Currencies.isStars(currency);
    }

    /** The message's {@code invoice} field (Bot API Invoice). */
    ObjectNode invoiceJson() {
        return Json.object()
                .put("title", title)
                .put("description", description)
                .put("start_parameter", startParameter)
                .put("currency", currency)
                .put("total_amount", totalAmount);
    }

    /** What a reader sees of the invoice message, e.g. in a transcript. */
    String summary() {
        return "🧾 " + title + " · " + Currencies.format(currency, totalAmount) + "\n" + description;
    }

    private static List<Price> prices(JsonNode json) {
        if (json.isMissingNode() || json.isNull() || (json.isTextual() && json.asText().isEmpty())) {
            throw ApiError.badRequest("parameter \"prices\" is required").exception();
        }
        if (!json.isArray()) {
            throw ApiError.badRequest("can't parse prices JSON object").exception();
        }
        if (json.isEmpty()) {
            throw ApiError.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID").exception();
        }
        List<Price> prices = new ArrayList<>();
        for (JsonNode price : json) {
            JsonNode label = price.path("label");
            JsonNode amount = price.path("amount");
            if (!label.isTextual() || label.asText().isEmpty()) {
                throw ApiError.badRequest("can't parse LabeledPrice: Field \"label\" must be a non-empty String")
                        .exception();
            }
            if (!amount.isIntegralNumber() && !(amount.isTextual() && amount.asText().matches("-?\\d{1,18}"))) {
                throw ApiError.badRequest("can't parse LabeledPrice: Field \"amount\" must be a valid Number")
                        .exception();
            }
            prices.add(new Price(label.asText(), amount.asLong()));
        }
        return prices;
    }

    private static String required(MethodCall call, String name) {
        String value = call.text(name);
        if (value == null || value.isEmpty()) {
            throw ApiError.badRequest("parameter \"" + name + "\" is required").exception();
        }
        return value;
    }

    /** At most {@code max} characters (code points), as Telegram cuts titles and descriptions. */
    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
