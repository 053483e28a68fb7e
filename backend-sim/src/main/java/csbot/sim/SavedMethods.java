package csbot.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Cards and wallets on file, per customer: what auto top-ups charge. */
final class SavedMethods {

    enum Kind {
        @JsonProperty("card") CARD,
        @JsonProperty("alipay") ALIPAY,
        @JsonProperty("wechatPay") WECHAT_PAY
    }

    /** Also the JSON of {@code GET /ext/v1/lines/{msisdn}/paymentMethods}. {@code label} is safe to show. */
    record SavedMethod(String id, Kind kind, String label) {

        SavedMethod {
            if (kind == null || Inputs.text(label).isBlank()) {
                throw ApiError.badRequest("invalidBody", "a saved method has a kind (card|alipay|wechatPay) and a label");
            }
            id = Inputs.text(id).isBlank() ? "pm-" + UUID.randomUUID().toString().substring(0, 8) : id;
        }
    }

    private final ConcurrentHashMap<String, List<SavedMethod>> byCustomer = new ConcurrentHashMap<>();

    List<SavedMethod> of(String customerId) {
        return byCustomer.getOrDefault(customerId, List.of());
    }

    Optional<SavedMethod> find(String customerId, String methodId) {
        return of(customerId).stream().filter(method -> method.id().equals(methodId)).findFirst();
    }

    /** The customer's methods from now on; an empty list removes them all. */
    List<SavedMethod> replace(String customerId, List<SavedMethod> methods) {
        byCustomer.put(customerId, List.copyOf(methods));
        return of(customerId);
    }

    void clear() {
        byCustomer.clear();
    }
}
