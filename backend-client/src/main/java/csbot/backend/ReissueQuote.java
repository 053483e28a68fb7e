package csbot.backend;

import java.util.Objects;

/**
 * What a replacement card for a line costs (taken from its balance when ordered, given back if the order fails), and
 * whether one may be ordered at all.
 *
 * @param simChangeLock the account holder asked that no card be replaced; orders are refused until it is removed
 */
public record ReissueQuote(LineType cardType, Money fee, boolean balanceCovers, boolean simChangeLock) {

    public ReissueQuote {
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(fee, "fee");
    }
}
