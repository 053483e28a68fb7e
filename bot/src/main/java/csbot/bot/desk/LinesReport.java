package csbot.bot.desk;

import csbot.backend.AccountBackend;
import csbot.dialogs.engine.LinkedLine;
import csbot.dialogs.handover.ChatHistory;
import csbot.dialogs.i18n.Lang;
import csbot.dialogs.lines.LineBalance;
import csbot.dialogs.lines.LineCard;
import csbot.dialogs.store.ChatStore;
import csbot.dialogs.validate.PhoneNumbers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What agents are told about a customer's lines: each linked line (masked) with its status, balance, allowances and
 * expiry as the account system says now. A line the account system does not answer for is named as such, so the card
 * still goes out.
 */
final class LinesReport {

    private final ChatStore store;
    private final AccountBackend backend;
    private final ChatHistory history;
    private final Clock clock;

    LinesReport(ChatStore store, AccountBackend backend, ChatHistory history, Clock clock) {
        this.store = store;
        this.backend = backend;
        this.history = history;
        this.clock = clock;
    }

    String of(long chatId, Lang lang) {
        List<LinkedLine> linked = store.profile(chatId).lines();
        if (linked.isEmpty()) {
            return AgentDesk.TEXTS.get(lang, "card.none");
        }
        List<String> parts = new ArrayList<>();
        for (LinkedLine line : linked) {
            try {
                parts.add(LineCard.figures(lang, LineBalance.of(line.msisdn(), backend.buckets(line.msisdn())),
                        clock.instant()));
            } catch (RuntimeException e) {
                parts.add(AgentDesk.TEXTS.get(lang, "card.lineUnavailable", "line", PhoneNumbers.mask(line.msisdn())));
            }
        }
        return String.join("\n\n", parts);
    }

    /** The conversation's last messages, masked, oldest first. */
    String lastMessages(long chatId, Lang lang) {
        List<String> last = history.last(chatId);
        return last.isEmpty() ? AgentDesk.TEXTS.get(lang, "card.none") : String.join("\n", last);
    }
}
