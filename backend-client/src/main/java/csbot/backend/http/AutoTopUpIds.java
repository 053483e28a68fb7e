package csbot.backend.http;

import csbot.backend.AutoTopUpKind;

/**
 * Which kind an auto top-up id names. The contract fixes it: threshold auto top-ups' ids start with {@code tt-},
 * TopupBalance ids (periodic auto top-ups among them) with {@code tb-}.
 */
final class AutoTopUpIds {

    private AutoTopUpIds() {
    }

    static AutoTopUpKind kindOf(String id) {
        return id.startsWith("tt-") ? AutoTopUpKind.THRESHOLD : AutoTopUpKind.PERIODIC;
    }
}
