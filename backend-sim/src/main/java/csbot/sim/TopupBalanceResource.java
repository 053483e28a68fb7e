package csbot.sim;

/** What lives at {@code /topupBalance/{id}}: a top-up or a periodic auto top-up. Ids start with {@code tb-}. */
sealed interface TopupBalanceResource permits TopUp, PeriodicRule {

    String id();

    String msisdn();

    /** Creation order, for listings. */
    long seq();
}
