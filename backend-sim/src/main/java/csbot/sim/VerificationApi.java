package csbot.sim;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Contract: one-time codes by SMS ({@code /ext/v1/verifications}). */
final class VerificationApi {

    private static final Logger log = LoggerFactory.getLogger(VerificationApi.class);

    record CreateJson(String msisdn, String channel) {
    }

    record ChallengeJson(String id, String maskedDestination, Instant expiresAt) {
    }

    record CheckJson(String code) {
        CheckJson {
            code = Inputs.text(code);
        }
    }

    private final AccountStore store;
    private final Verifications verifications;
    private final SmsOutbox outbox;
    private final SimClock clock;

    VerificationApi(AccountStore store, Verifications verifications, SmsOutbox outbox, SimClock clock) {
        this.store = store;
        this.verifications = verifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("POST", "/ext/v1/verifications", this::send)
                .add("POST", "/ext/v1/verifications/{id}/check", this::check);
    }

    private Reply send(Request request) {
        CreateJson body = request.json(CreateJson.class);
        String msisdn = Inputs.msisdn(body.msisdn());
        if (!"sms".equals(body.channel())) {
            throw ApiError.badRequest("unsupportedChannel", "channel must be sms");
        }
        store.byMsisdn(msisdn).orElseThrow(() -> ApiError.notFound("no line with this number"));
        Instant now = clock.now();
        Challenge challenge = verifications.issue(msisdn, now).orElseThrow(() -> new ApiError(429, "tooManyCodes",
                "At most " + Verifications.MAX_CODES + " codes per line every "
                        + Verifications.CODE_WINDOW.toMinutes() + " minutes; try again later"));
        outbox.send(msisdn, OtpMessage.text(challenge.code(), Verifications.VALIDITY.toMinutes()), now);
        log.debug("code sent to {}", Msisdns.mask(msisdn));
        return Reply.created(new ChallengeJson(challenge.id(), Msisdns.mask(msisdn), challenge.expiresAt()));
    }

    private Reply check(Request request) {
        CheckJson body = request.json(CheckJson.class);
        if (body.code().isBlank()) {
            throw ApiError.badRequest("invalidBody", "code is required");
        }
        return Reply.ok(verifications.check(request.pathParam("id"), body.code(), clock.now())
                .orElseThrow(() -> ApiError.notFound("no such verification")));
    }
}
