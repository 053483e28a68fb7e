package csbot.dialogs.engine;

/** Events the engine fires on its own; button events are named by each flow. */
public final class Events {

    public static final String START = "start";
    public static final String TEXT = "text";
    public static final String CONTACT = "contact";
    public static final String MEDIA = "media";

    private Events() {
    }
}
