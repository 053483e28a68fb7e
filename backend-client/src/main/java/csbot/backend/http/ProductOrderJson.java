package csbot.backend.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import csbot.backend.Fulfilment;
import csbot.backend.OrderState;
import csbot.backend.ProductOrder;
import csbot.backend.ReissueReason;
import csbot.backend.ReissueRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** TMF622 {@code productOrder} of category {@code reissue} on the wire: one item, action {@code modify}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProductOrderJson(String id, OrderState state, String stateReason, OffsetDateTime orderDate, MoneyJson fee,
                        List<Item> productOrderItem) {

    record Characteristic(String name, String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(String publicIdentifier, List<Characteristic> productCharacteristic) {

        Optional<String> characteristic(String name) {
            return productCharacteristic.stream().filter(c -> name.equals(c.name())).map(Characteristic::value)
                    .findFirst();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String id, String action, Product product) {
    }

    record Create(String category, String verificationId, List<Item> productOrderItem) {

        static Create of(ReissueRequest request) {
            List<Characteristic> characteristics = new ArrayList<>();
            characteristics.add(new Characteristic("reason", request.reason().wire()));
            if (request.fulfilment() instanceof Fulfilment.Delivery delivery) {
                characteristics.add(new Characteristic("fulfilment", "delivery"));
                characteristics.add(new Characteristic("shippingAddress", delivery.address()));
            } else if (request.fulfilment() instanceof Fulfilment.Pickup pickup) {
                characteristics.add(new Characteristic("fulfilment", "pickup"));
                characteristics.add(new Characteristic("storeId", pickup.storeId()));
            } else {
                characteristics.add(new Characteristic("fulfilment", "download"));
            }
            if (!request.eid().isEmpty()) {
                characteristics.add(new Characteristic("eid", request.eid()));
            }
            return new Create("reissue", request.verificationId(),
                    List.of(new Item("1", "modify", new Product(request.msisdn(), characteristics))));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancelled(@JsonProperty("productOrderId") String productOrderId, OrderState state) {
    }

    record Cancel(String productOrderId) {
    }

    ProductOrder toOrder() {
        Product product = productOrderItem.get(0).product();
        ReissueReason reason = ReissueReason.ofWire(product.characteristic("reason").orElse(""))
                .orElseThrow(() -> new IllegalArgumentException("an order without a known reason"));
        return new ProductOrder(id, product.publicIdentifier(), state, stateReason == null ? "" : stateReason, reason,
                fee.toMoney(), orderDate);
    }
}
