package csbot.emulator;

/** How many 429s the emulator answered, by cause. */
public record LimitStats(long perChat, long global, long injected) {

    public long total() {
        return perChat + global + injected;
    }
}
