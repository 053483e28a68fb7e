package csbot.bot.testing;

import java.time.Duration;

/**
 * The first turns a test JVM runs load and compile a great deal (Spring, state machines, Jackson, the HTTP clients,
 * the Lua scripts); on a busy two-core build machine they have been seen to take longer than the 5 s a
 * conversation step may wait. This takes them once per JVM, in a world of its own and with time to spare, so that
 * the tests' own steps are timed warm. Later calls return at once.
 */
public final class WarmUp {

    private static final Duration FIRST_TURNS = Duration.ofSeconds(30);
    private static volatile boolean done;

    private WarmUp() {
    }

    /** /help, linking by contact and a balance card, once in this JVM. */
    public static synchronized void once() {
        if (done) {
            return;
        }
        try (World world = World.start()) {
            world.startBot();
            DemoLine line = world.ukSim();
            Customer warm = world.customerOwning(line, "en");
            warm.says("/help");
            warm.hears(FIRST_TURNS, "/help");
            warm.sharesContact(line.asTelegramShares(), warm.id());
            warm.hears(FIRST_TURNS, line.lastFour());
            warm.user().nextMessage(FIRST_TURNS);
            warm.says("balance");
            warm.hears(FIRST_TURNS, line.lastFour());
        }
        done = true;
    }
}
