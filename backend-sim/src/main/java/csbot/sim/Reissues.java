package csbot.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reissues (TMF622 product orders moving a number onto a new SIM or eSIM) and what guards them: lost-card
 * suspensions, the account's SIM-change lock, the fee, proof of identity by a code to the other channel.
 * An order is acknowledged (and the account holder told on the other channel), moves to inProgress after
 * {@link #CANCEL_WINDOW} unless cancelled, and ends {@link #WORK} later as the outcome plan says.
 */
final class Reissues {

    /** How long an acknowledged order waits before work starts: the account holder's chance to stop a swap. */
    static final Duration CANCEL_WINDOW = Duration.ofSeconds(15);
    static final Duration WORK = Duration.ofSeconds(5);
    static final String SMDP_ADDRESS = "smdp.csbot-carrier.example";

    private static final Set<String> REASONS = Set.of("lost", "stolen", "damaged", "locked", "newDevice");
    private static final Set<String> LOSS = Set.of("lost", "stolen");
    private static final Map<String, Map<CardType, BigDecimal>> FEES = Map.of(
            "GBP", Map.of(CardType.SIM, new BigDecimal("5.00"), CardType.ESIM, new BigDecimal("3.00")),
            "HKD", Map.of(CardType.SIM, new BigDecimal("50"), CardType.ESIM, new BigDecimal("30")),
            "CNY", Map.of(CardType.SIM, new BigDecimal("30.00"), CardType.ESIM, new BigDecimal("20.00")));
    private static final Map<String, List<StoreJson>> STORES = Map.of(
            "GBP", List.of(
                    new StoreJson("LON-OXF", "London Oxford Street", "310 Oxford St, London W1C 1DX", "09:00–20:00"),
                    new StoreJson("MAN-MKT", "Manchester Market Street", "45 Market St, Manchester M1 1WR",
                            "10:00–19:00")),
            "HKD", List.of(
                    new StoreJson("HK-MK", "旺角 Mong Kok", "彌敦道 688 號 688 Nathan Rd, Mong Kok", "10:00–22:00"),
                    new StoreJson("HK-CWB", "銅鑼灣 Causeway Bay", "軒尼詩道 500 號 500 Hennessy Rd", "10:00–22:00")),
            "CNY", List.of(
                    new StoreJson("SZ-FT", "深圳福田 Shenzhen Futian", "福田区深南大道 6008 号", "09:00–21:00")));
    private static final String MATCHING_ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    enum State {
        @JsonProperty("acknowledged") ACKNOWLEDGED,
        @JsonProperty("inProgress") IN_PROGRESS,
        @JsonProperty("completed") COMPLETED,
        @JsonProperty("failed") FAILED,
        @JsonProperty("rejected") REJECTED,
        @JsonProperty("cancelled") CANCELLED;

        boolean isOpen() {
            return this == ACKNOWLEDGED || this == IN_PROGRESS;
        }
    }

    record StoreJson(String id, String name, String address, String openingHours) {
    }

    record Characteristic(String name, String value) {
    }

    record Product(String publicIdentifier, List<Characteristic> productCharacteristic) {

        Optional<String> characteristic(String name) {
            return productCharacteristic.stream().filter(c -> c != null && name.equals(c.name()))
                    .map(Characteristic::value).findFirst();
        }
    }

    record Item(String id, String action, Product product) {
    }

    /** {@code POST /productOrder}; also what a repeat of its idempotency key is compared with. */
    record Create(String category, String verificationId, List<Item> productOrderItem) {

        Create {
            if (!"reissue".equals(category)) {
                throw ApiError.badRequest("invalidBody", "category must be reissue");
            }
            if (Inputs.text(verificationId).isBlank()) {
                throw ApiError.badRequest("invalidBody", "verificationId is required");
            }
            if (productOrderItem == null || productOrderItem.size() != 1 || productOrderItem.get(0) == null
                    || !"modify".equals(productOrderItem.get(0).action()) || productOrderItem.get(0).product() == null
                    || productOrderItem.get(0).product().productCharacteristic() == null) {
                throw ApiError.badRequest("invalidBody", "one productOrderItem with action modify and a product");
            }
            productOrderItem = List.copyOf(productOrderItem);
        }

        Product product() {
            return productOrderItem.get(0).product();
        }
    }

    /** The order as answered and as carried by its events. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderJson(String id, String href, String category, State state, String stateReason, Instant orderDate,
                     Instant completionDate, MoneyJson fee, List<Item> productOrderItem,
                     @JsonProperty("@type") String type) {
    }

    record Quote(CardType cardType, MoneyJson fee, boolean balanceCovers, boolean simChangeLock) {
    }

    /** What becomes of the next order once its work is done. */
    record Outcome(State state, String reason) {

        static final Outcome COMPLETE = new Outcome(State.COMPLETED, "");

        Outcome {
            if (state != State.COMPLETED && state != State.FAILED && state != State.REJECTED) {
                throw ApiError.badRequest("invalidBody", "outcome is completed, failed or rejected");
            }
            reason = Inputs.text(reason);
        }
    }

    record ActivationCode(String smdpAddress, String matchingId, boolean confirmationCodeRequired) {

        /** GSMA SGP.22 activation code: {@code LPA:1$<SM-DP+ address>$<matching id>}. */
        String lpa() {
            return "LPA:1$" + smdpAddress + "$" + matchingId;
        }
    }

    private static final class Order {
        final String id;
        final String msisdn;
        final Create request;
        final BigDecimal fee;
        final String currency;
        final Instant orderDate;
        final long seq;
        State state = State.ACKNOWLEDGED;
        String stateReason = "";
        Instant since;
        Instant completionDate;
        ActivationCode activation;

        Order(String id, String msisdn, Create request, BigDecimal fee, String currency, Instant now, long seq) {
            this.id = id;
            this.msisdn = msisdn;
            this.request = request;
            this.fee = fee;
            this.currency = currency;
            this.orderDate = now;
            this.since = now;
            this.seq = seq;
        }

        synchronized OrderJson json() {
            return new OrderJson(id, "/productOrder/" + id, "reissue", state,
                    stateReason.isEmpty() ? null : stateReason, orderDate, completionDate,
                    MoneyJson.of(fee, currency), request.productOrderItem(), "ProductOrder");
        }
    }

    private final AccountStore store;
    private final Verifications verifications;
    private final SmsOutbox outbox;
    private final Events events;
    private final SimClock clock;
    private final ConcurrentHashMap<String, Order> orders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> suspendedFor = new ConcurrentHashMap<>();
    private final Set<String> simChangeLocks = ConcurrentHashMap.newKeySet();
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final SecureRandom random = new SecureRandom();
    private long sequence;

    Reissues(AccountStore store, Verifications verifications, SmsOutbox outbox, Events events, SimClock clock) {
        this.store = store;
        this.verifications = verifications;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    // ---- suspension

    LineAccount suspend(String msisdn, String reason) {
        if (!LOSS.contains(Inputs.text(reason))) {
            throw ApiError.badRequest("invalidBody", "reason is lost or stolen");
        }
        LineAccount line = line(msisdn);
        if (line.status() == LineStatus.SUSPENDED && !suspendedFor.containsKey(msisdn)) {
            throw ApiError.unprocessable("lineNotActive", "the line is already suspended for another reason");
        }
        suspendedFor.put(msisdn, reason);
        return store.update(msisdn, account -> account.withStatus(LineStatus.SUSPENDED)).orElseThrow();
    }

    LineAccount resume(String msisdn) {
        line(msisdn);
        if (suspendedFor.remove(msisdn) == null) {
            throw ApiError.conflict("notSuspendedForLoss", "the line is not suspended as lost or stolen");
        }
        return store.update(msisdn, account -> account.withStatus(LineStatus.ACTIVE)).orElseThrow();
    }

    // ---- quote, stores, lock, PUK

    Quote quote(String msisdn) {
        LineAccount line = line(msisdn);
        BigDecimal fee = fee(line);
        return new Quote(line.cardType(), MoneyJson.of(fee, line.currency()), line.balance().compareTo(fee) >= 0,
                simChangeLocks.contains(msisdn));
    }

    List<StoreJson> stores(String msisdn) {
        return STORES.getOrDefault(line(msisdn).currency(), List.of());
    }

    void simChangeLock(String msisdn, boolean on) {
        line(msisdn);
        if (on) {
            simChangeLocks.add(msisdn);
        } else {
            simChangeLocks.remove(msisdn);
        }
    }

    /** Eight digits fixed per card, as a real PUK is; given only against a fresh code to the other channel. */
    String puk(String msisdn, String verificationId) {
        LineAccount line = line(msisdn);
        requireProof(verificationId, msisdn);
        long digits = Math.floorMod(UUID.nameUUIDFromBytes(("puk" + line.iccid()).getBytes()).getMostSignificantBits(),
                100_000_000L);
        return "%08d".formatted(digits);
    }

    // ---- orders

    record Placed(OrderJson order, boolean isNew) {
    }

    Placed place(String idempotencyKey, Create request) {
        IdempotencyKeys.Claim claim = keys.claim(idempotencyKey, request, () -> create(request));
        return new Placed(orders.get(claim.resourceId()).json(), claim.isNew());
    }

    private String create(Create request) {
        Product product = request.product();
        String msisdn = Inputs.msisdn(product.publicIdentifier());
        LineAccount line = line(msisdn);
        String reason = product.characteristic("reason").orElse("");
        if (!REASONS.contains(reason)) {
            throw ApiError.badRequest("invalidBody", "characteristic reason is one of " + REASONS);
        }
        String fulfilment = product.characteristic("fulfilment").orElse("");
        if (line.cardType() == CardType.ESIM ? !"download".equals(fulfilment)
                : !("delivery".equals(fulfilment) && !product.characteristic("shippingAddress").orElse("").isBlank()
                || "pickup".equals(fulfilment) && stores(msisdn).stream()
                .anyMatch(store -> store.id().equals(product.characteristic("storeId").orElse(""))))) {
            throw ApiError.unprocessable("invalidFulfilment",
                    "an eSIM is downloaded; a SIM is delivered to a shippingAddress or picked up at a storeId");
        }
        String eid = product.characteristic("eid").orElse("");
        if (!eid.isEmpty() && !(eid.matches("\\d{32}") && new BigDecimal(eid).remainder(BigDecimal.valueOf(97))
                .intValue() == 1)) {
            throw ApiError.unprocessable("invalidEid", "an EID is 32 digits whose value mod 97 is 1");
        }
        if (simChangeLocks.contains(msisdn)) {
            throw ApiError.unprocessable("simChangeLocked", "the account's SIM-change lock is on");
        }
        requireProof(request.verificationId(), msisdn);
        if (orders.values().stream().anyMatch(order -> order.msisdn.equals(msisdn) && order.state.isOpen())) {
            throw ApiError.conflict("orderInProgress", "this line already has a reissue under way");
        }
        BigDecimal fee = fee(line);
        Instant now = clock.now();
        String id = "PO-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        boolean[] charged = new boolean[1];
        store.update(msisdn, account -> {
            charged[0] = account.balance().compareTo(fee) >= 0;
            return charged[0] ? account.withBalance(account.balance().subtract(fee)) : account;
        });
        if (!charged[0]) {
            throw ApiError.unprocessable("insufficientBalance", "the balance does not cover the fee");
        }
        synchronized (this) {
            orders.put(id, new Order(id, msisdn, request, fee, line.currency(), now, ++sequence));
        }
        store.owner(line).ifPresent(owner -> outbox.send(owner.alternateNumber(),
                "【csbot】号码 " + Msisdns.mask(msisdn) + " 已申请补卡，订单 " + id + "。如非本人操作，请在 "
                        + CANCEL_WINDOW.toSeconds() + " 秒内在聊天「我的订单」中取消或致电客服。"
                        + " A replacement card was requested for " + Msisdns.mask(msisdn) + ", order " + id
                        + ". Not you? Cancel it under My orders in the chat or call us now.", now));
        return id;
    }

    Optional<OrderJson> find(String id) {
        return Optional.ofNullable(orders.get(id)).map(Order::json);
    }

    /** Newest first. */
    List<OrderJson> ofLine(String msisdn) {
        return orders.values().stream().filter(order -> order.msisdn.equals(msisdn))
                .sorted(Comparator.comparingLong((Order order) -> order.seq).reversed()).map(Order::json).toList();
    }

    OrderJson cancel(String id) {
        Order order = Optional.ofNullable(orders.get(id)).orElseThrow(() -> ApiError.notFound("no such order"));
        synchronized (order) {
            if (order.state == State.CANCELLED) {
                return order.json();
            }
            if (order.state != State.ACKNOWLEDGED) {
                throw ApiError.conflict("orderNotCancellable", "work on the order has started");
            }
        }
        finish(order, State.CANCELLED, "cancelledByCustomer", clock.now());
        return order.json();
    }

    Optional<ActivationCode> activationCode(String id) {
        Order order = Optional.ofNullable(orders.get(id)).orElseThrow(() -> ApiError.notFound("no such order"));
        synchronized (order) {
            if (order.state != State.COMPLETED) {
                throw ApiError.conflict("orderNotCompleted", "the order is not completed");
            }
            return Optional.ofNullable(order.activation);
        }
    }

    void nextOutcome(Outcome outcome) {
        synchronized (outcomes) {
            outcomes.addLast(outcome);
        }
    }

    /** Moves orders on whose time has come. */
    void sweep(Instant now) {
        for (Order order : orders.values()) {
            boolean started = false;
            synchronized (order) {
                if (order.state == State.ACKNOWLEDGED && !now.isBefore(order.since.plus(CANCEL_WINDOW))) {
                    order.state = State.IN_PROGRESS;
                    order.since = now;
                    started = true;
                }
            }
            if (started) {
                emit(order, now);
                continue;
            }
            boolean due;
            synchronized (order) {
                due = order.state == State.IN_PROGRESS && !now.isBefore(order.since.plus(WORK));
            }
            if (due) {
                Outcome outcome;
                synchronized (outcomes) {
                    outcome = outcomes.isEmpty() ? Outcome.COMPLETE : outcomes.removeFirst();
                }
                finish(order, outcome.state(), outcome.reason(), now);
            }
        }
    }

    void clear() {
        orders.clear();
        suspendedFor.clear();
        simChangeLocks.clear();
        keys.clear();
        synchronized (outcomes) {
            outcomes.clear();
        }
    }

    private void finish(Order order, State state, String reason, Instant now) {
        synchronized (order) {
            if (!order.state.isOpen()) {
                return;
            }
            order.state = state;
            order.stateReason = reason;
            order.since = now;
            order.completionDate = now;
            if (state == State.COMPLETED) {
                store.newCard(order.msisdn);
                if (suspendedFor.remove(order.msisdn) != null) {
                    store.update(order.msisdn, account -> account.withStatus(LineStatus.ACTIVE));
                }
                if (store.byMsisdn(order.msisdn).map(LineAccount::cardType).orElse(CardType.SIM) == CardType.ESIM) {
                    order.activation = new ActivationCode(SMDP_ADDRESS, matchingId(), false);
                }
            } else {
                // nothing was delivered: the fee goes back
                store.update(order.msisdn, account -> account.withBalance(account.balance().add(order.fee)));
            }
        }
        emit(order, now);
    }

    private void emit(Order order, Instant now) {
        events.emit(Events.PRODUCT_ORDER_STATE_CHANGE, "productOrder", order.json(), now);
    }

    private void requireProof(String verificationId, String msisdn) {
        if (!verifications.proven(Inputs.text(verificationId), msisdn, clock.now())) {
            throw ApiError.unprocessable("notVerified",
                    "verificationId must be a code to the account's other channel, verified in the last "
                            + Verifications.PROOF_WINDOW.toMinutes() + " minutes");
        }
    }

    private LineAccount line(String msisdn) {
        return store.byMsisdn(msisdn).orElseThrow(() -> ApiError.notFound("no line with this number"));
    }

    private static BigDecimal fee(LineAccount line) {
        Map<CardType, BigDecimal> fees = FEES.get(line.currency());
        if (fees == null) {
            throw ApiError.unprocessable("currencyNotSupported", "no reissue fee in " + line.currency());
        }
        return fees.get(line.cardType());
    }

    /** Four groups of four, in letters and digits that cannot be misread when typed by hand. */
    private String matchingId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                id.append('-');
            }
            id.append(MATCHING_ID_CHARS.charAt(random.nextInt(MATCHING_ID_CHARS.length())));
        }
        return id.toString();
    }
}
