package csbot.sim;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contract: one-time codes ({@code /ext/v1/verifications}) by SMS to the line, or to the account's other channel
 * (its alternate number) for a SIM change or a PUK — a lost or swapped card must not receive its own code.
 */
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
        if ("otherChannel".equals(body.channel())) {
            return sendToOtherChannel(msisdn);
        }
        if (!"sms".equals(body.channel())) {
            throw ApiError.badRequest("unsupportedChannel", "channel must be sms or otherChannel");
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

    private Reply sendToOtherChannel(String msisdn) {
        LineAccount line = store.byMsisdn(msisdn).orElseThrow(() -> ApiError.notFound("no line with this number"));
        String alternate = store.owner(line).orElseThrow().alternateNumber();
        Instant now = clock.now();
        if (verifications.lockedUntil(msisdn, now).isPresent()) {
            throw new ApiError(429, "verificationLocked", "Too many wrong codes for this line; try again in "
                    + Verifications.OTHER_CHANNEL_COOL_DOWN.toMinutes() + " minutes");
        }
        Challenge challenge = verifications.issueToOtherChannel(msisdn, now).orElseThrow(() -> new ApiError(429,
                "tooManyCodes", "At most " + Verifications.MAX_CODES + " codes per line every "
                + Verifications.CODE_WINDOW.toMinutes() + " minutes; try again later"));
        outbox.send(alternate, OtpMessage.forSimChange(challenge.code(), Msisdns.mask(msisdn),
                Verifications.VALIDITY.toMinutes()), now);
        log.debug("code for {} sent to its other channel", Msisdns.mask(msisdn));
        return Reply.created(new ChallengeJson(challenge.id(), Msisdns.mask(alternate), challenge.expiresAt()));
    }

    private Reply check(Request request) {
        CheckJson body = request.json(CheckJson.class);
        if (body.code().isBlank()) {
            throw ApiError.badRequest("invalidBody", "code is required");
        }
        Instant now = clock.now();
        return Reply.ok(verifications.check(request.pathParam("id"), body.code(), now, this::warnOtherChannel)
                .orElseThrow(() -> ApiError.notFound("no such verification")));
    }

    /** The account holder hears of the wrong codes on the channel a fraudster holding the line cannot read. */
    private void warnOtherChannel(Challenge usedUp) {
        store.byMsisdn(usedUp.msisdn()).flatMap(store::owner).ifPresent(owner -> outbox.send(owner.alternateNumber(),
                OtpMessage.lockedWarning(Msisdns.mask(usedUp.msisdn()),
                        Verifications.OTHER_CHANNEL_COOL_DOWN.toMinutes()), clock.now()));
    }
}
