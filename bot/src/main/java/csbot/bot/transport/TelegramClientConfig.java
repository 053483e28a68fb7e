package csbot.bot.transport;

import csbot.bot.config.TelegramProperties;
import csbot.bot.demo.DemoServers;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The {@code telegrambots-client} pointed at the configured Bot API server. */
@Configuration(proxyBeanMethods = false)
class TelegramClientConfig {

    @Bean
    TelegramClient telegramClient(TelegramProperties properties, ObjectProvider<DemoServers> demo) {
        demo.ifAvailable(DemoServers::ensureRunning);
        // OkHttp allows 5 concurrent calls per host by default; every Telegram call goes to one host
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(512);
        dispatcher.setMaxRequestsPerHost(512);
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(properties.pollTimeoutSeconds() + 10L))
                .writeTimeout(Duration.ofSeconds(20))
                .build();
        return new OkHttpTelegramClient(http, properties.token(), telegramUrl(properties.apiUrl()));
    }

    static TelegramUrl telegramUrl(URI api) {
        boolean https = "https".equalsIgnoreCase(api.getScheme());
        int port = api.getPort() > 0 ? api.getPort() : (https ? 443 : 80);
        return new TelegramUrl(https ? "https" : "http", api.getHost(), port, false);
    }
}
