package csbot.bot.testing;

/** Steps many conversations begin with, in English. */
public final class Journeys {

    private Journeys() {
    }

    /** A customer whose Telegram number is {@code line}'s, linked by sharing the contact. */
    public static Customer linkedByContact(World world, DemoLine line, String languageCode) {
        Customer customer = world.customerOwning(line, languageCode);
        customer.sharesContact(line.asTelegramShares(), customer.id());
        customer.hears(line.lastFour());
        customer.nextMessage();
        return customer;
    }

    /** /link, then the line's number typed: the simulator texts a code to the line. */
    public static void asksForACodeFor(Customer customer, DemoLine line) {
        customer.says("/link");
        customer.hears("Link a number");
        customer.says(line.msisdn());
        customer.hears("We sent a code");
    }

    /** Links one more line by the code the simulator texted to it. */
    public static void linksByCode(World world, Customer customer, DemoLine line) {
        asksForACodeFor(customer, line);
        customer.says(world.latestCode(line.msisdn()));
        customer.hears("✅ Linked", line.lastFour());
        customer.hears("What would you like to do next?");
    }
}
