package csbot.dialogs.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A delivery address as typed in one message: street and number, town, and the postcode where the country has one
 * (the UK's, mainland China's six digits; Hong Kong has none). Kept as typed, on one line, for a courier to read.
 */
public final class DeliveryAddress {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;
    private static final Pattern UK_POSTCODE =
            Pattern.compile("(?i)\\b(GIR ?0AA|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\b");
    private static final Pattern CN_POSTCODE = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");

    private DeliveryAddress() {
    }

    public enum Problem { TOO_SHORT, TOO_LONG, NO_HOUSE_NUMBER, NO_POSTCODE }

    /** What a typed address came to. */
    public sealed interface Checked {
    }

    /** Fit to send: the input on one line. */
    public record Fit(String address) implements Checked {
    }

    public record Unfit(Problem problem) implements Checked {
    }

    /** The address on one line, or the problem to tell the customer. {@code region}: ISO 3166 of the line, e.g. GB. */
    public static Checked check(String input, String region) {
        String address = input.strip().replaceAll("\\s*\\n\\s*", ", ").replaceAll("\\s+", " ");
        if (address.length() < MIN_LENGTH) {
            return new Unfit(Problem.TOO_SHORT);
        }
        if (address.length() > MAX_LENGTH) {
            return new Unfit(Problem.TOO_LONG);
        }
        Optional<Pattern> postcode = switch (region) {
            case "GB" -> Optional.of(UK_POSTCODE);
            case "CN" -> Optional.of(CN_POSTCODE);
            default -> Optional.empty();
        };
        // the postcode's own digits are not a house number
        String withoutPostcode = postcode.map(p -> p.matcher(address).replaceAll("")).orElse(address);
        if (withoutPostcode.chars().noneMatch(Character::isDigit)) {
            return new Unfit(Problem.NO_HOUSE_NUMBER);
        }
        if (postcode.isPresent() && !postcode.get().matcher(address).find()) {
            return new Unfit(Problem.NO_POSTCODE);
        }
        return new Fit(address);
    }
}
