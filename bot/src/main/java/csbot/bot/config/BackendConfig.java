package csbot.bot.config;

import csbot.backend.AccountBackend;
import csbot.backend.http.HttpAccountBackend;
import csbot.bot.demo.DemoServers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account backend client; in demo mode the simulator it talks to is started first. */
@Configuration(proxyBeanMethods = false)
class BackendConfig {

    @Bean
    AccountBackend accountBackend(BackendProperties properties, ObjectProvider<DemoServers> demo) {
        demo.ifAvailable(DemoServers::ensureRunning);
        return new HttpAccountBackend(properties.clientConfig());
    }
}
