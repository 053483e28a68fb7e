package csbot.bot.reissue;

import csbot.backend.AccountBackend;
import csbot.bot.config.DialogProperties;
import csbot.dialogs.audit.AuditLog;
import csbot.dialogs.reissue.ReissueOrders;
import csbot.dialogs.store.KeySpace;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reissue flow's part outside conversations: the orders it placed, told to their chats as events arrive. */
@Configuration(proxyBeanMethods = false)
class ReissueConfig {

    @Bean
    ReissueOrders reissueOrders(AccountBackend backend, RedisClusterCommands<String, String> redis, KeySpace keys,
                                AuditLog audit, DialogProperties dialog) {
        return new ReissueOrders(backend, redis, keys, audit, dialog.hotline());
    }
}
