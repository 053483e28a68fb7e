package csbot.sim;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The top-up offers per currency: pounds for the UK lines, Hong Kong dollars, yuan. */
final class TopUpCatalog {

    private static final Map<String, TopUpOffer> OFFERS = Map.of(
            "GBP", new TopUpOffer("GBP", amounts("5.00", "10.00", "20.00", "50.00"), List.of(
                    plan("keep-30", 30, "5.00"), plan("keep-90", 90, "12.00"), plan("keep-365", 365, "40.00")),
                    new BigDecimal("1.00"), new BigDecimal("500.00"), 2),
            // whole dollars, as Hong Kong top-up cards and terminals take them
            "HKD", new TopUpOffer("HKD", amounts("50.00", "100.00", "200.00", "300.00"), List.of(
                    plan("keep-30", 30, "38.00"), plan("keep-90", 90, "98.00"), plan("keep-365", 365, "338.00")),
                    new BigDecimal("10.00"), new BigDecimal("3000.00"), 0),
            "CNY", new TopUpOffer("CNY", amounts("30.00", "50.00", "100.00", "200.00"), List.of(
                    plan("keep-30", 30, "10.00"), plan("keep-90", 90, "28.00"), plan("keep-365", 365, "98.00")),
                    new BigDecimal("10.00"), new BigDecimal("2000.00"), 2));

    private TopUpCatalog() {
    }

    static Optional<TopUpOffer> forCurrency(String currency) {
        return Optional.ofNullable(OFFERS.get(currency));
    }

    /** 422 {@code currencyNotSupported} when lines in that currency cannot be topped up here. */
    static TopUpOffer forLine(LineAccount line) {
        return forCurrency(line.currency()).orElseThrow(() -> ApiError.unprocessable("currencyNotSupported",
                "lines in " + line.currency() + " cannot be topped up here"));
    }

    private static List<BigDecimal> amounts(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** The plan's price is also its credit: number-keeping plans are paid-for balance with a longer validity. */
    private static TopUpPlan plan(String id, int days, String price) {
        return new TopUpPlan(id, "保号 " + days + " 天 · Keep number " + days + " days", days, new BigDecimal(price),
                new BigDecimal(price));
    }
}
