package csbot.backend.http;

import csbot.backend.AccountBackend;
import csbot.backend.Bucket;
import csbot.backend.HubSubscription;
import csbot.backend.Line;
import csbot.backend.OtpChallenge;
import csbot.backend.OtpCheck;
import java.util.List;

/** {@link AccountBackend} over the contract's HTTP API. Thread-safe; make one per backend and share it. */
public final class HttpAccountBackend implements AccountBackend {

    record SendCode(String msisdn, String channel) {
    }

    record CheckCode(String code) {
    }

    record Listener(String callback) {
    }

    private final JsonHttp http;

    public HttpAccountBackend(BackendClientConfig config) {
        this.http = new JsonHttp(config);
    }

    @Override
    public Line findLineByMsisdn(String msisdn) {
        return http.fetch(Call.get("/ext/v1/lines", line(msisdn)).withQuery("msisdn", msisdn), Line.class);
    }

    @Override
    public Line findLineByIccid(String iccid) {
        return http.fetch(Call.get("/ext/v1/lines", "line with ICCID " + Mask.tail(iccid)).withQuery("iccid", iccid),
                Line.class);
    }

    @Override
    public List<Bucket> buckets(String msisdn) {
        return http.fetchList(Call.get("/bucket", line(msisdn)).withQuery("logicalResource.value", msisdn),
                Bucket.class);
    }

    /** Never retried: a repeat would send the customer a second code. */
    @Override
    public OtpChallenge sendOtp(String msisdn) {
        return http.fetch(Call.post("/ext/v1/verifications", new SendCode(msisdn, "sms"), line(msisdn)),
                OtpChallenge.class);
    }

    /** Never retried: a repeat would use up one of the customer's attempts. */
    @Override
    public OtpCheck checkOtp(String challengeId, String code) {
        return http.fetch(Call.post("/ext/v1/verifications/{id}/check", new CheckCode(code), "verification",
                challengeId), OtpCheck.class);
    }

    @Override
    public HubSubscription subscribe(String callbackUrl) {
        return http.fetch(Call.post("/hub", new Listener(callbackUrl), "hub"), HubSubscription.class);
    }

    @Override
    public void unsubscribe(String subscriptionId) {
        http.execute(Call.delete("/hub/{id}", "hub subscription", subscriptionId));
    }

    private static String line(String msisdn) {
        return "line " + Mask.tail(msisdn);
    }
}
