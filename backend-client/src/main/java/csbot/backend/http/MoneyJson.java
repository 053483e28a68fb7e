package csbot.backend.http;

import csbot.backend.Money;
import java.math.BigDecimal;

/** Money on the wire: a TMF quantity whose {@code units} is the ISO 4217 currency. */
record MoneyJson(BigDecimal amount, String units) {

    static MoneyJson of(Money money) {
        return new MoneyJson(money.amount(), money.currency());
    }

    Money toMoney() {
        return new Money(amount, units);
    }
}
