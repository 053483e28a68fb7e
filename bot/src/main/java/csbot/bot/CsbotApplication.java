package csbot.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The csbot service. Without a Telegram token it starts in demo mode (see {@code csbot.bot.demo}). */
@SpringBootApplication(scanBasePackages = "csbot")
@ConfigurationPropertiesScan("csbot.bot")
@EnableScheduling
public class CsbotApplication {

    public static void main(String[] args) {
        SpringApplication.run(CsbotApplication.class, args);
    }
}
