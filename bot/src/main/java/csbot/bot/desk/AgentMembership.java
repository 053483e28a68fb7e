package csbot.bot.desk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may act as an agent: the members of the agents group, as Telegram says now (getChatMember), remembered for a
 * minute so a busy topic does not ask for every message. Someone removed from the group stops acting within that
 * minute. When Telegram cannot be asked, nobody is taken for an agent: a stranger must never reach a customer.
 */
final class AgentMembership {

    private static final Logger log = LoggerFactory.getLogger(AgentMembership.class);
    private static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final Set<String> AGENT_STATUSES = Set.of("creator", "administrator", "member");

    private record Known(boolean agent, long until) {
    }

    private final TelegramClient telegram;
    private final long groupId;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Known> known = new ConcurrentHashMap<>();

    AgentMembership(TelegramClient telegram, long groupId, Clock clock) {
        this.telegram = telegram;
        this.groupId = groupId;
        this.clock = clock;
    }

    boolean isAgent(long userId) {
        long now = clock.millis();
        Known cached = known.get(userId);
        if (cached != null && cached.until() > now) {
            return cached.agent();
        }
        try {
            ChatMember member = telegram.execute(new GetChatMember(Long.toString(groupId), userId));
            boolean agent = AGENT_STATUSES.contains(member.getStatus());
            known.put(userId, new Known(agent, now + REMEMBER.toMillis()));
            return agent;
        } catch (TelegramApiException e) {
            log.warn("agents group: membership of user {} unknown ({}), not taken for an agent", userId, e.toString());
            return false;
        }
    }
}
