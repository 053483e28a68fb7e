package csbot.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web chat's invoices in headless Chromium: a card with the amount and a Pay button; paying sends the bot
 * the pre-checkout query, and the page shows how it ended, and refunds, in English and in Chinese. Screenshots go to
 * {@code target/web-chat-payment-<language>.png}. Needs Debian's chromium and chromium-driver; skipped without.
 */
@Timeout(60)
class WebPagePaymentBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TelegramEmulator telegram;
    private TelegramClient bot;
    private ChromeDriver browser;
    private Path profile;
    private int offset;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the web chat's browser test needs /usr/bin/chromium and /usr/bin/chromedriver");
        telegram = TelegramEmulator.start();
        bot = BotClients.clientFor(telegram);
        profile = Files.createTempDirectory("csbot-emulator-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1100,800", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (telegram != null) {
                telegram.close();
            }
        } finally {
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Test
    void aPersonPaysAnInvoiceAndSeesTheConfirmationOrTheBotsReason() throws Exception {
        browser.get(telegram.baseUrl() + "/");
        new Select(byTestId("language")).selectByValue("en");
        waitUntil("the page in English",
                () -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        long userId = ((Number) browser.executeScript("return CsbotChat.identity().id")).longValue();
        bot.execute(InvoiceTest.pounds(userId, 1250, "topup:43").build());
        bot.execute(InvoiceTest.stars(userId, 250, "topup:44").replyMarkup(InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Pay 250 ⭐").pay(true).build()))
                .build()).build());
        waitUntil("both invoices", () -> invoices().size() == 2);
        assertThat(invoices()).extracting(i -> i.findElement(By.cssSelector("[data-testid=invoice-amount]")).getText())
                .containsExactly("£12.50", "⭐ 250");
        assertThat(payButton(0).getText()).isEqualTo("Pay £12.50");
        assertThat(payButton(1).getText()).as("the bot's own Pay button").isEqualTo("Pay 250 ⭐");

        payButton(0).click();
        answerPreCheckout(true, null);
        waitUntil("the toast", () -> toast().equals("Payment of £12.50 done"));
        waitUntil("the receipt", () -> rows("payment-receipt").size() == 1);
        assertThat(rows("payment-receipt").get(0).getText()).isEqualTo("You paid £12.50 for “Top-up £12”");
        assertThat(payButton(0).getAttribute("data-paid")).isEqualTo("true");
        assertThat(payButton(0).isEnabled()).isFalse();

        payButton(1).click();
        answerPreCheckout(false, "This offer has expired");
        waitUntil("the bot's reason", () -> toast().equals("Payment not completed: This offer has expired"));
        waitUntil("the Pay button back", () -> payButton(1).isEnabled());
        assertThat(telegram.charges()).extracting(Charge::currency).containsExactly("GBP");
        screenshot("en");

        new Select(byTestId("language")).selectByValue("zh-CN");
        waitUntil("the chat again in Chinese", () -> invoices().size() == 2 && rows("payment-receipt").size() == 1
                && payButton(0).getText().equals("已支付 ✓"));
        assertThat(rows("payment-receipt").get(0).getText()).isEqualTo("你已为「Top-up £12」支付 £12.50");
        assertThat(payButton(1).getText()).isEqualTo("Pay 250 ⭐");

        payButton(1).click();
        answerPreCheckout(true, null);
        waitUntil("the toast in Chinese", () -> toast().equals("已支付 ⭐ 250"));
        String stars = telegram.charges().get(1).telegramPaymentChargeId();
        bot.execute(RefundStarPayment.builder().userId(userId).telegramPaymentChargeId(stars).build());
        waitUntil("the refund", () -> rows("payment-refund").size() == 1 && payButton(1).getText().equals("已退款"));
        assertThat(rows("payment-refund").get(0).getText()).isEqualTo("已退款 ⭐ 250");
        screenshot("zh-CN");
    }

    /** As the bot: answers the next pre-checkout query, passing over other updates (e.g. successful_payment). */
    private void answerPreCheckout(boolean ok, String errorMessage) throws TelegramApiException {
        while (true) {
            List<Update> updates = bot.execute(GetUpdates.builder().offset(offset).timeout(5).limit(1).build());
            assertThat(updates).as("a pre-checkout query").hasSize(1);
            offset = updates.get(0).getUpdateId() + 1;
            if (updates.get(0).hasPreCheckoutQuery()) {
                bot.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(updates.get(0).getPreCheckoutQuery()
                        .getId()).ok(ok).errorMessage(errorMessage).build());
                return;
            }
        }
    }

    private List<WebElement> invoices() {
        return browser.findElements(By.cssSelector("[data-testid=messages] [data-testid=invoice]"));
    }

    private WebElement payButton(int invoice) {
        return browser.findElements(By.cssSelector("[data-testid=messages] [data-testid=bot-message].invoice"))
                .get(invoice).findElement(By.cssSelector("[data-testid=pay-button]"));
    }

    private List<WebElement> rows(String testId) {
        return browser.findElements(By.cssSelector("[data-testid=messages] > [data-testid=" + testId + "]"));
    }

    private String toast() {
        return (String) browser.executeScript("return document.getElementById('toast').textContent");
    }

    private WebElement byTestId(String testId) {
        return browser.findElement(By.cssSelector("[data-testid=" + testId + "]"));
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).until(driver -> condition.getAsBoolean());
    }

    private void screenshot(String language) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "web-chat-payment-" + language + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
