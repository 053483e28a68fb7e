package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Contract: line lookup ({@code /ext/v1/lines}) and TMF654 buckets ({@code /bucket}). */
final class LinesApi {

    record LineJson(String msisdn, String iccid, String ownerInitial, CardType type, LineStatus status,
                    String currency) {
    }

    record QuantityJson(BigDecimal amount, String units) {
    }

    record PeriodJson(Instant startDateTime, Instant endDateTime) {
    }

    record BucketJson(String id, String usageType, QuantityJson remainingValue, PeriodJson validFor,
                      LineStatus status, @JsonProperty("@type") String type) {

        BucketJson(String id, String usageType, QuantityJson remainingValue, PeriodJson validFor, LineStatus status) {
            this(id, usageType, remainingValue, validFor, status, "Bucket");
        }
    }

    private final AccountStore store;
    private final SimClock clock;

    LinesApi(AccountStore store, SimClock clock) {
        this.store = store;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/ext/v1/lines", this::findLine)
                .add("GET", "/bucket", this::buckets);
    }

    private Reply findLine(Request request) {
        Optional<String> msisdn = request.query("msisdn");
        Optional<String> iccid = request.query("iccid");
        if (msisdn.isPresent() == iccid.isPresent()) {
            throw ApiError.badRequest("invalidQuery", "give exactly one of msisdn and iccid");
        }
        LineAccount line = (msisdn.isPresent()
                ? store.byMsisdn(Inputs.msisdn(msisdn.get()))
                : store.byIccid(Inputs.iccid(iccid.get())))
                .orElseThrow(() -> ApiError.notFound("no line with this number"));
        Customer owner = store.owner(line).orElseThrow();
        return Reply.ok(new LineJson(line.msisdn(), line.iccid(), owner.initial(), line.cardType(),
                line.statusAt(clock.now()), line.currency()));
    }

    private Reply buckets(Request request) {
        String msisdn = Inputs.msisdn(request.requiredQuery("logicalResource.value"));
        LineAccount line = store.byMsisdn(msisdn).orElseThrow(() -> ApiError.notFound("no line with this number"));
        return Reply.ok(bucketsOf(line, clock.now()));
    }

    /** The money first, then each allowance of the plan. All share the line's validity: they lapse with it. */
    private static List<BucketJson> bucketsOf(LineAccount line, Instant now) {
        LineStatus status = line.statusAt(now);
        PeriodJson validity = new PeriodJson(line.validFrom(), line.expiresAt());
        BucketJson money = new BucketJson(line.id() + "-monetary", "monetary",
                new QuantityJson(line.balance(), line.currency()), validity, status);
        Stream<BucketJson> allowances = line.allowances().entrySet().stream()
                .map(left -> new BucketJson(line.id() + "-" + left.getKey().usageType, left.getKey().usageType,
                        new QuantityJson(BigDecimal.valueOf(left.getValue()), left.getKey().units), validity, status));
        return Stream.concat(Stream.of(money), allowances).toList();
    }
}
