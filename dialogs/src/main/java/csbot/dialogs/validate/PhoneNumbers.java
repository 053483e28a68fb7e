package csbot.dialogs.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;

/** Phone numbers as customers type them or Telegram shares them, to E.164 — with libphonenumber. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * A typed number to E.164, or empty when it is not a valid number. International forms ({@code +44 …},
     * {@code 0044 …}) work for every country; without a country code only a mainland China mobile
     * (11 digits starting with 1) is recognised, because it cannot be confused with anything else.
     */
    public static Optional<String> parseTyped(String input) {
        String compact = input.replaceAll("[\\s\\-().]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (compact.startsWith("+")) {
            return valid(compact, "ZZ");
        }
        if (compact.matches("1\\d{10}")) {
            return valid(compact, "CN");
        }
        return Optional.empty();
    }

    /** The ISO 3166 region of an E.164 number ({@code GB}, {@code HK}), empty when libphonenumber cannot tell. */
    public static Optional<String> regionOf(String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            return region == null || region.equals("ZZ") ? Optional.empty() : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Telegram shares contacts as digits with or without a leading plus, always with the country code. */
    public static Optional<String> parseShared(String phoneNumber) {
        String compact = phoneNumber.replaceAll("[\\s\\-()]", "");
        return valid(compact.startsWith("+") ? compact : "+" + compact, "ZZ");
    }

    private static Optional<String> valid(String number, String region) {
        try {
            PhoneNumber parsed = UTIL.parse(number, region);
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The ISO 3166 region of an E.164 number ({@code GB}, {@code HK}, {@code CN}), "ZZ" when unknown. */
    public static String region(String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    /**
     * A number safe to show in lists and to write to logs: country code and the last four digits,
     * {@code +44 •••• 0123}.
     */
    public static String mask(String e164) {
        if (e164.length() < 8) {
            return "••••";
        }
        String countryCode = countryCodeOf(e164);
        return countryCode + " •••• " + e164.substring(e164.length() - 4);
    }

    /** Country codes are prefix-free (ITU-T E.164): the first 1–3 digits that name a known region are the code. */
    private static String countryCodeOf(String e164) {
        for (int digits = 1; digits <= 3 && digits < e164.length(); digits++) {
            String candidate = e164.substring(1, 1 + digits);
            if (candidate.chars().allMatch(Character::isDigit)
                    && !UTIL.getRegionCodeForCountryCode(Integer.parseInt(candidate)).equals("ZZ")) {
                return "+" + candidate;
            }
        }
        return "+";
    }
}
