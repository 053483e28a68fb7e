package csbot.bot.testing;

import csbot.emulator.BotMessage;
import csbot.emulator.FakeUser;
import csbot.emulator.ForumGroup;
import csbot.emulator.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The support team's supergroup with topics on the fake Bot API, for desk tests with two parties:
 * {@code Agent ann = agents.agent("Ann")}, {@code Topic topic = agents.topicOf(ticketNumber)}, {@code ann.says(topic,
 * "/take")}. {@link #botProperties} points a bot at it (open round the clock, quick sweeps, posts in English, no
 * group pacing — the Sender's own test covers the 20 a minute).
 */
public final class AgentsGroup {

    public static final long ID = -1001000000001L;
    private static final AtomicLong AGENT_IDS = new AtomicLong(600_000_000L + (System.nanoTime() % 1_000_000L) * 100);
    private static final Pattern TICKET = Pattern.compile("#(\\d+)");

    private final World world;
    private final ForumGroup group;

    public AgentsGroup(World world) {
        this.world = world;
        this.group = world.telegram.forumGroup(ID, "Support agents");
    }

    /** The bot's desk settings for this group, then {@code more} ({@code name=value}) over them. */
    public static String[] botProperties(String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "csbot.desk.agents-group-id=" + ID,
                "csbot.desk.opens=00:00",
                "csbot.desk.closes=00:00",
                "csbot.desk.sweep-every=200ms",
                "csbot.desk.agent-language=en",
                "csbot.desk.export-token=operator-secret",
                "csbot.sender.per-group-per-minute=6000",
                "csbot.sender.per-group-burst=100"));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    public ForumGroup group() {
        return group;
    }

    /** A new member of the group. */
    public Agent agent(String firstName) {
        FakeUser user = world.telegram.user(AGENT_IDS.incrementAndGet(), firstName, "en");
        group.addMember(user);
        return new Agent(user);
    }

    /** Someone who is not (or no longer) in the group. */
    public Agent stranger(String firstName) {
        return new Agent(world.telegram.user(AGENT_IDS.incrementAndGet(), firstName, "en"));
    }

    /** The topic of ticket {@code number}, waiting for the bot to open it. */
    public Topic topicOf(long number) {
        return group.topic("#" + number + " ");
    }

    /** The ticket number a message names ("ticket #12"). */
    public static long ticketIn(BotMessage message) {
        Matcher m = TICKET.matcher(message.text());
        if (!m.find()) {
            throw new AssertionError("no ticket number in \"" + message.text() + "\"");
        }
        return Long.parseLong(m.group(1));
    }

    /** A person in the agents group. */
    public static final class Agent {

        private final FakeUser user;

        Agent(FakeUser user) {
            this.user = user;
        }

        public FakeUser user() {
            return user;
        }

        public long says(Topic topic, String text) {
            return user.postIn(topic, text);
        }

        public long sendsPhoto(Topic topic, byte[] image, String caption) {
            return user.postPhotoIn(topic, image, caption);
        }
    }
}
