package csbot.bot.config;

import csbot.dialogs.engine.DialogSettings;
import csbot.dialogs.store.StoreSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** The conversation engine's tunables; see {@link DialogSettings} and {@link StoreSettings}. */
@Validated
@ConfigurationProperties("csbot.dialog")
public record DialogProperties(@NotNull Duration sessionIdleTimeout, @Min(1) int missesBeforeHelp,
                               @Min(1) int otpMaxTries, @NotNull Duration linkCooldown,
                               @NotBlank String hotline, @NotBlank String supportHours,
                               @NotNull Duration lockTtl, @NotNull Duration lockWait, @NotNull Duration seenTtl) {

    public DialogSettings dialogSettings() {
        return new DialogSettings(sessionIdleTimeout, missesBeforeHelp, otpMaxTries, linkCooldown, hotline,
                supportHours);
    }

    /** Sessions stay a day past their idle timeout so the customer can still be told their flow timed out. */
    public StoreSettings storeSettings() {
        return new StoreSettings(sessionIdleTimeout.plusDays(1), lockTtl, lockWait, seenTtl);
    }
}
