package csbot.bot.testing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lines made for one test in the simulator ({@code POST /sim/admin/customers}), so that no other test's customer
 * has linked them and hears their alerts: UK numbers +44 7400 9xxxxx, each owned by a customer of its own.
 */
public final class NewLines {

    private static final AtomicInteger NEXT = new AtomicInteger(10_000 + (int) (System.nanoTime() % 80_000));

    private NewLines() {
    }

    /** An active GBP line with this balance and expiry date; named "Test Owner". */
    public static DemoLine gbp(World world, String balance, Instant expiresAt) {
        String msisdn = "+4474009" + String.format("%05d", NEXT.incrementAndGet() % 100_000);
        world.post("sim/admin/customers", """
                {"name": "Test Owner", "lines": [{"msisdn": "%s", "currency": "GBP", "balance": %s,
                 "expiresAt": "%s"}]}""".formatted(msisdn, balance, expiresAt));
        return new DemoLine("Test Owner", msisdn, "", "SIM", "active", "GBP", balance);
    }

    /** The simulator's demo control: the balance drops below the low-balance threshold and it warns. */
    public static void drain(World world, DemoLine line) {
        world.post("sim/admin/drain", "{\"msisdn\": \"" + line.msisdn() + "\"}");
    }
}
