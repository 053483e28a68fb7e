package csbot.sim;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Payment links: made on request, paid on the checkout page, each payment applied as one top-up and announced once. */
final class PaymentLinks {

    static final String CHANNEL = "paymentLink";

    record Created(PaymentLink.View link, boolean isNew) {
    }

    private final AccountStore store;
    private final TopUpProcessor processor;
    private final Events events;
    private final SimClock clock;
    private final URI baseUrl;
    private final ConcurrentHashMap<String, PaymentLink> byId = new ConcurrentHashMap<>();
    private final IdempotencyKeys keys = new IdempotencyKeys();

    PaymentLinks(AccountStore store, TopUpProcessor processor, Events events, SimClock clock, URI baseUrl) {
        this.store = store;
        this.processor = processor;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** The amount is checked as a top-up's would be, so the payment cannot turn into a refused top-up later. */
    Created create(String idempotencyKey, PaymentLinkJson.Create order) {
        Optional<String> replay = keys.replay(idempotencyKey, order);
        if (replay.isPresent()) {
            return new Created(find(replay.get()).view(clock.now()), false);
        }
        LineAccount line = store.byMsisdn(order.msisdn())
                .orElseThrow(() -> ApiError.notFound("no line with this number"));
        Instant now = clock.now();
        if (!line.recoverableAt(now)) {
            throw ApiError.unprocessable("lineNotActive", "this number can no longer be topped up");
        }
        TopUpCatalog.forLine(line).price(order.amount(), order.planId());
        IdempotencyKeys.Claim claim = keys.claim(idempotencyKey, order, () -> {
            PaymentLink link = new PaymentLink("pl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                    order.msisdn(), order.amount(), order.planId(), now);
            byId.put(link.id(), link);
            return link.id();
        });
        return new Created(find(claim.resourceId()).view(now), claim.isNew());
    }

    PaymentLink.View view(String id) {
        return find(id).view(clock.now());
    }

    /** Paying twice pays once: the second payment answers the link as the first one left it. */
    PaymentLink.View pay(String id, PaymentLink.Method method) {
        PaymentLink link = find(id);
        Instant now = clock.now();
        boolean first = link.pay(method, now, () -> processor.run(CHANNEL + ":" + link.id(), new TopUpOrder(
                link.msisdn(), link.amount(), link.planId(), new PaymentRef(PaymentMethodType.PAYMENT_LINK, link.id()),
                CHANNEL, "")).topUp().topUp().id());
        PaymentLink.View paid = link.view(now);
        if (first) {
            events.emit(Events.PAYMENT_LINK_PAID, "paymentLink", PaymentLinkJson.of(paid, baseUrl), now);
        }
        return paid;
    }

    void clear() {
        byId.clear();
        keys.clear();
    }

    private PaymentLink find(String id) {
        return Optional.ofNullable(byId.get(id)).orElseThrow(() -> ApiError.notFound("no such payment link"));
    }
}
