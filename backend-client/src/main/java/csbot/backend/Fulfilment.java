package csbot.backend;

import java.util.Objects;

/** How the new card reaches the customer: an eSIM is downloaded, a SIM delivered or picked up in a store. */
public sealed interface Fulfilment {

    record Download() implements Fulfilment {
    }

    record Delivery(String address) implements Fulfilment {
        public Delivery {
            Objects.requireNonNull(address, "address");
        }
    }

    record Pickup(String storeId) implements Fulfilment {
        public Pickup {
            Objects.requireNonNull(storeId, "storeId");
        }
    }
}
