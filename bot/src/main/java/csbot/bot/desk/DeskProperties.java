package csbot.bot.desk;

import csbot.dialogs.handover.BusinessHours;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The agent desk: a Telegram supergroup with topics where agents take over conversations.
 *
 * @param agentsGroupId        the agents group's chat id (negative); 0 turns the desk off and a person means the hotline
 * @param opens                when agents start work, {@code HH:mm} in {@code zone}
 * @param closes               when they stop; before {@code opens} for a shift past midnight
 * @param days                 the days they work
 * @param zone                 the time zone of those hours, e.g. {@code Asia/Hong_Kong}
 * @param waitingReminderAfter a waiting ticket nobody took by then reminds the customer and pings the topic (once)
 * @param agentSilenceTimeout  a taken ticket whose agent has not written to the customer for this long goes back to
 *                             the bot
 * @param sweepEvery           how often timeouts and topics still to open are looked at
 * @param retention            how long a closed ticket and its masked transcript are kept
 * @param commentWindow        after rating, how long the customer's next message counts as their comment
 * @param agentLanguage        the language of the bot's posts in the agents group (zh-CN or en)
 * @param canned               canned replies by name ({@code /reply topup_howto}), each in both languages
 * @param exportToken          bearer token of the transcript export endpoint; blank turns the endpoint off
 */
@Validated
@ConfigurationProperties("csbot.desk")
public record DeskProperties(long agentsGroupId,
                             @Pattern(regexp = "\\d{2}:\\d{2}") String opens,
                             @Pattern(regexp = "\\d{2}:\\d{2}") String closes,
                             @NotEmpty Set<DayOfWeek> days, @NotBlank String zone,
                             @NotNull Duration waitingReminderAfter, @NotNull Duration agentSilenceTimeout,
                             @NotNull Duration sweepEvery, @NotNull Duration retention,
                             @NotNull Duration commentWindow, @NotBlank String agentLanguage,
                             @NotNull Map<String, CannedReply> canned, String exportToken) {

    /** A canned reply in the customer's language. */
    public record CannedReply(@NotBlank String en, @NotBlank String zh) {
    }

    public DeskProperties {
        canned = canned == null ? Map.of() : Map.copyOf(canned);
        exportToken = exportToken == null ? "" : exportToken;
    }

    public BusinessHours businessHours() {
        return new BusinessHours(LocalTime.parse(opens), LocalTime.parse(closes), days, ZoneId.of(zone));
    }
}
