package csbot.backend;

import java.util.Objects;

/**
 * A card or wallet on file for the line's account.
 *
 * @param kind  {@code card}, {@code alipay} or {@code wechatPay}
 * @param label safe to show, e.g. {@code Visa •••• 4242}
 */
public record SavedPaymentMethod(String id, String kind, String label) {

    public SavedPaymentMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
