package csbot.sim;

import java.util.List;
import java.util.Locale;

/** A person holding one or more lines. The e-mail and alternate number are there for later identity checks. */
record Customer(String id, String name, String email, String alternateNumber, List<String> msisdns) {

    Customer {
        msisdns = List.copyOf(msisdns);
    }

    /** Enough of the name to reassure the caller it is their account, not enough to disclose it. */
    String initial() {
        return name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }
}
