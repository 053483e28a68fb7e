package csbot.backend;

import java.util.List;

/**
 * The carrier's account backend as the bot sees it. One method per contract operation;
 * every failure is a {@link BackendFailure}: {@link NotFound}, {@link Rejected} or {@link Unavailable}.
 * The values returned never hold nulls: the records refuse them, so an answer lacking a field the
 * contract requires fails here, as {@link Unavailable}, rather than later inside a conversation.
 */
public interface AccountBackend {

    /** Vendor extension {@code GET /ext/v1/lines?msisdn=}; the number must be E.164. */
    Line findLineByMsisdn(String msisdn);

    /** Vendor extension {@code GET /ext/v1/lines?iccid=}. */
    Line findLineByIccid(String iccid);

    /** TMF654 {@code GET /bucket?logicalResource.value={msisdn}}: money, data, voice and SMS left on a line. */
    List<Bucket> buckets(String msisdn);

    /** Vendor extension {@code POST /ext/v1/verifications}: sends a one-time code by SMS to the line. */
    OtpChallenge sendOtp(String msisdn);

    /** Vendor extension {@code POST /ext/v1/verifications/{id}/check}. A wrong code is an answer, not a failure. */
    OtpCheck checkOtp(String challengeId, String code);

    /** TMF hub {@code POST /hub}: the backend will POST events to {@code <callback>/listener/<eventName>}. */
    HubSubscription subscribe(String callbackUrl);

    /** TMF hub {@code DELETE /hub/{id}}. */
    void unsubscribe(String subscriptionId);
}
