package csbot.backend;

import java.util.Objects;

/**
 * A replacement card to order (TMF622 {@code productOrder}, category {@code reissue}).
 *
 * @param verificationId a verified code to the account's other channel ({@link AccountBackend#sendOtpToOtherChannel})
 * @param eid            the eSIM device's EID when the customer gave it, else ""
 */
public record ReissueRequest(String msisdn, String verificationId, ReissueReason reason, Fulfilment fulfilment,
                             String eid) {

    public ReissueRequest {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(verificationId, "verificationId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fulfilment, "fulfilment");
        Objects.requireNonNull(eid, "eid");
    }
}
