package csbot.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** A checkout page for one top-up. It is paid at most once: paying takes the link's lock and makes the top-up inside it. */
final class PaymentLink {

    static final Duration VALIDITY = Duration.ofMinutes(30);

    /** The ways the checkout page offers to pay. */
    enum Method {
        CARD("card", "银行卡", "Card"),
        ALIPAY("alipay", "支付宝", "Alipay"),
        WECHAT_PAY("wechatPay", "微信支付", "WeChat Pay");

        final String chinese;
        final String english;
        private final String wireName;

        Method(String wireName, String chinese, String english) {
            this.wireName = wireName;
            this.chinese = chinese;
            this.english = english;
        }

        @JsonValue
        String wireName() {
            return wireName;
        }

        @JsonCreator
        static Method fromWire(String name) {
            return Arrays.stream(values()).filter(method -> method.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> ApiError.badRequest("invalidBody", "method must be card, alipay or wechatPay"));
        }
    }

    enum Status { OPEN, PAID, EXPIRED }

    record View(PaymentLink link, Status status, String topUpId, Optional<Method> paidWith) {
    }

    private final String id;
    private final String msisdn;
    private final MoneyJson amount;
    private final String planId;
    private final Instant createdAt;
    private boolean paid;
    private String topUpId = "";
    private Method paidWith;

    PaymentLink(String id, String msisdn, MoneyJson amount, String planId, Instant createdAt) {
        this.id = id;
        this.msisdn = msisdn;
        this.amount = amount;
        this.planId = planId;
        this.createdAt = createdAt;
    }

    synchronized View view(Instant now) {
        Status status = paid ? Status.PAID : now.isBefore(expiresAt()) ? Status.OPEN : Status.EXPIRED;
        return new View(this, status, topUpId, Optional.ofNullable(paidWith));
    }

    /**
     * The first payment runs {@code makeTopUp} (answering the top-up's id) and marks the link paid; later ones change
     * nothing and answer false. An expired link cannot be paid ({@code 409 paymentLinkExpired}).
     */
    synchronized boolean pay(Method method, Instant now, Supplier<String> makeTopUp) {
        if (paid) {
            return false;
        }
        if (!now.isBefore(expiresAt())) {
            throw ApiError.conflict("paymentLinkExpired", "this payment link has expired; ask for a new one");
        }
        topUpId = makeTopUp.get();
        paidWith = method;
        paid = true;
        return true;
    }

    String id() {
        return id;
    }

    String msisdn() {
        return msisdn;
    }

    MoneyJson amount() {
        return amount;
    }

    String planId() {
        return planId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return createdAt.plus(VALIDITY);
    }
}
