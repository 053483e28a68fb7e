package csbot.sim;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks on request fields, failing with the contract's 400 reason codes. */
final class Inputs {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Inputs() {
    }

    /** JSON fields that were left out arrive as null; from here on they are empty. */
    static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    static String msisdn(String value) {
        if (!Msisdns.isE164(text(value))) {
            throw ApiError.badRequest("invalidMsisdn",
                    "msisdn must be an E.164 number: + then country code and number, digits only");
        }
        return value;
    }

    static String iccid(String value) {
        if (!Iccids.isValid(text(value))) {
            throw ApiError.badRequest("invalidIccid", "iccid must be 19 or 20 digits starting 89 with a valid check digit");
        }
        return value;
    }

    static String currency(String value) {
        if (!CURRENCY.matcher(text(value)).matches()) {
            throw ApiError.badRequest("invalidCurrency", "currency must be an ISO 4217 code such as GBP");
        }
        return value;
    }
}
