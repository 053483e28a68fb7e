package csbot.backend;

import java.util.Objects;

/**
 * A line (phone number on a card) as the vendor line lookup returns it.
 *
 * @param msisdn       E.164, e.g. {@code +447400123123}
 * @param iccid        the card's ICCID (19–20 digits)
 * @param ownerInitial first letter of the account holder's name, enough to reassure without disclosing
 * @param currency     ISO 4217 code of the line's money balance
 */
public record Line(String msisdn, String iccid, String ownerInitial, LineType type, LineStatus status, String currency) {

    public Line {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(ownerInitial, "ownerInitial");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
    }
}
