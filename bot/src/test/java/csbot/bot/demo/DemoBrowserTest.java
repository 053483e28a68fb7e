package csbot.bot.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo requirement as a person meets it: the real web chat page in headless Chromium, against the
 * application started with no token. Pick the UK SIM customer, set the Telegram app's language, ask for the balance,
 * tap "Share my phone number" on the reply keyboard, and read the balance card in the chat — in Chinese and in English.
 * Screenshots go to {@code target/demo-web-chat-<language>[-share].png}. Needs Debian's chromium and chromium-driver (nothing
 * is downloaded); skipped without them.
 */
@Timeout(60)
@ExtendWith(DemoApp.ClosedAtTheEnd.class)
class DemoBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * The bot's messages after the person's own last one, in the chat pane's order, and of those the newest that has
     * every fragment (or null): one look at the page, done in the page.
     */
    private static final String NEWEST_REPLY_WITH = """
            const fragments = arguments[0];
            let replies = [];
            for (const row of document.querySelectorAll('[data-testid=messages] > [data-testid]')) {
              if (row.dataset.testid === 'user-message') {
                replies = [];
              } else if (row.dataset.testid === 'bot-message') {
                replies.push(row);
              }
            }
            const text = (row) => row.querySelector('[data-testid=message-text]').innerText;
            return replies.reverse().find((row) => fragments.every((f) => text(row).includes(f))) || null;
            """;

    private DemoApp demo;
    private WebChat api;
    private String ukSimNumber;
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        // per test, so that each is reported skipped with the reason (an assumption in @BeforeAll reports nothing)
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the web chat's browser test needs /usr/bin/chromium and /usr/bin/chromedriver:"
                        + " apt-get install chromium chromium-driver (.ci/run installs them when it can)");
        demo = DemoApp.shared();
        api = new WebChat(demo.chatUrl());
        ukSimNumber = api.personas().stream()
                .filter(p -> p.get("msisdn").asText().startsWith("+44") && p.get("cardType").asText().equals("SIM"))
                .findFirst().orElseThrow().get("msisdn").asText();
        demo.forgetEveryone();
        profile = Files.createTempDirectory("csbot-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        // the driver is given, so Selenium Manager never runs (it would try to download one); quit() stops it
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
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
    void aPersonLinksTheUkSimBySharingContactAndSeesItsBalanceInChinese() throws IOException {
        openTheChatAsTheUkSimCustomer("zh-CN");

        send("余额");
        waitForReply("您还没有绑定号码");
        waitForReply("点击下方\"📱 分享我的手机号\"");
        screenshot("zh-CN-share");
        tapReplyButton("📱 分享我的手机号");

        waitForReply("✅ 绑定成功", "+44 •••• 3123");
        WebElement card = waitForReply("余额：£12.50");
        assertThat(textOf(card)).contains("📱 +44 •••• 3123", "✅ 正常使用")
                .containsPattern("📅 有效期至 \\d{4}年\\d{1,2}月\\d{1,2}日（还剩 4[45] 天）");
        assertThat(inlineButtonsOf(card)).contains("💳 充值", "🔄 刷新");

        send("余额");
        waitForReply("余额：£12.50", "有效期至", "✅ 正常使用");
        screenshot("zh-CN");
    }

    @Test
    void aPersonLinksTheUkSimBySharingContactAndSeesItsBalanceInEnglish() throws IOException {
        openTheChatAsTheUkSimCustomer("en");

        send("balance");
        waitForReply("You haven't linked a number yet");
        waitForReply("tap \"📱 Share my phone number\" below");
        screenshot("en-share");
        tapReplyButton("📱 Share my phone number");

        waitForReply("✅ Linked", "+44 •••• 3123");
        WebElement card = waitForReply("Balance: £12.50");
        assertThat(textOf(card)).contains("📱 +44 •••• 3123", "✅ Active")
                .containsPattern("📅 Valid until \\d{1,2} [A-Z][a-z]{2} \\d{4} \\(4[45] days left\\)");
        assertThat(inlineButtonsOf(card)).contains("💳 Top up", "🔄 Refresh");

        send("balance");
        waitForReply("Balance: £12.50", "Valid until", "✅ Active");
        screenshot("en");
    }

    // ---- what the person does

    private void openTheChatAsTheUkSimCustomer(String language) {
        browser.get(demo.chatUrl().toString());
        By persona = By.cssSelector("[data-testid=persona][data-msisdn='" + ukSimNumber + "']");
        waitUntil("the UK SIM customer in the list", () -> !browser.findElements(persona).isEmpty());
        browser.findElement(persona).click();
        new Select(byTestId("language")).selectByValue(language);
        waitUntil("the UK SIM customer chosen", () -> browser.findElement(persona).getAttribute("class").contains("active")
                && browser.findElement(By.id("who")).getText().contains(ukSimNumber));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        long history = api.userMessagesIn(WebChat.stableUserId(ukSimNumber));
        waitUntil("the chat's history shown", () -> userMessages().size() == history);
    }

    private void send(String text) {
        int before = userMessages().size();
        byTestId("message-input").sendKeys(text);
        byTestId("send").click();
        waitUntil("\"" + text + "\" in the chat", () -> userMessages().size() == before + 1
                && userMessages().get(before).getText().equals(text));
    }

    private void tapReplyButton(String label) {
        waitUntil("the reply button \"" + label + "\"", () -> replyButton(label) != null);
        int before = userMessages().size();
        replyButton(label).click();
        waitUntil("the tap on \"" + label + "\" in the chat", () -> userMessages().size() == before + 1);
    }

    private List<WebElement> userMessages() {
        return browser.findElements(By.cssSelector("[data-testid=messages] > [data-testid=user-message]"));
    }

    private WebElement replyButton(String label) {
        return browser.findElements(By.cssSelector("[data-testid=reply-keyboard] [data-testid=reply-button]")).stream()
                .filter(WebElement::isDisplayed).filter(b -> b.getText().equals(label)).findFirst().orElse(null);
    }

    // ---- what the person sees

    /**
     * The newest of the bot's messages since the person's own last one that has every fragment, once it is in the
     * chat pane. Earlier chats of the same customer (the pane shows the whole history) do not count.
     */
    private WebElement waitForReply(String... fragments) {
        AtomicReference<WebElement> found = new AtomicReference<>();
        waitUntil("a reply with " + Arrays.toString(fragments), () -> {
            found.set((WebElement) browser.executeScript(NEWEST_REPLY_WITH, List.of(fragments)));
            return found.get() != null;
        });
        return found.get();
    }

    private static String textOf(WebElement botMessage) {
        return botMessage.findElement(By.cssSelector("[data-testid=message-text]")).getText();
    }

    private static List<String> inlineButtonsOf(WebElement botMessage) {
        return botMessage.findElements(By.cssSelector("[data-testid=inline-button]")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement byTestId(String id) {
        return browser.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, WAIT, Duration.ofMillis(100)).withMessage(what)
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            throw new AssertionError("waiting for " + what + "; the chat pane shows:\n"
                    + browser.findElement(By.cssSelector("[data-testid=messages]")).getText(), e);
        }
    }

    private void screenshot(String language) throws IOException {
        Path target = Path.of("target", "demo-web-chat-" + language + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
