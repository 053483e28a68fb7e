package csbot.dialogs.i18n;

import java.util.Locale;

/** The languages the bot speaks: Simplified Chinese first, English second. */
public enum Lang {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    Lang(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * Telegram's {@code language_code} to one of ours. Every Chinese variant gets Simplified Chinese (closer than
     * English for a Hong Kong or Taiwan client); any other language given gets English; none given gets Chinese,
     * the provider's first language.
     */
    public static Lang fromTelegram(String languageCode) {
        if (languageCode.isBlank() || languageCode.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return ZH_CN;
        }
        return EN;
    }

    public static Lang fromTag(String tag) {
        for (Lang lang : values()) {
            if (lang.tag.equalsIgnoreCase(tag)) {
                return lang;
            }
        }
        throw new IllegalArgumentException("unknown language tag " + tag);
    }
}
