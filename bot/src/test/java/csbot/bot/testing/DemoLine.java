package csbot.bot.testing;

/** A line of the simulator's demo customers, as {@code GET /sim/customers} lists it. */
public record DemoLine(String name, String msisdn, String iccid, String cardType, String status, String currency,
                       String balance) {

    /** The number as Telegram shares a contact: digits only, no plus. */
    public String asTelegramShares() {
        return msisdn.substring(1);
    }

    /** The last four digits, the part of the number the bot shows. */
    public String lastFour() {
        return msisdn.substring(msisdn.length() - 4);
    }
}
