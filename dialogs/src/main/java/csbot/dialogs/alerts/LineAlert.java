package csbot.dialogs.alerts;

import csbot.backend.Money;

import java.time.LocalDate;

/** What a customer is warned about on one line. Dates are calendar days in the customer's time zone. */
public sealed interface LineAlert {

    String msisdn();

    Money balance();

    LocalDate expiry();

    /** When the number is recycled if nothing is done. */
    LocalDate recycle();

    /**
     * The same warning, however many times the backend or the sweep reports it: line, kind and the threshold or
     * period it is about.
     */
    String dedupeKey();

    /** The balance fell below {@code threshold}; one warning per line and threshold per day. */
    record LowBalance(String msisdn, Money balance, Money threshold, LocalDate expiry, LocalDate recycle,
                      LocalDate reportedOn) implements LineAlert {

        @Override
        public String dedupeKey() {
            return msisdn + ":low:" + threshold.amount().toPlainString() + threshold.currency() + ":" + reportedOn;
        }
    }

    /** The line expires in {@code daysLeft} days; one warning per expiry date and reminder. */
    record Expiry(String msisdn, int daysLeft, Money balance, LocalDate expiry, LocalDate recycle)
            implements LineAlert {

        @Override
        public String dedupeKey() {
            return msisdn + ":expiry:" + expiry + ":" + daysLeft;
        }
    }
}
