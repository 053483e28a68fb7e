package csbot.bot.resilience;

import csbot.bot.testing.Customer;
import csbot.bot.testing.WarmUp;
import csbot.bot.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static csbot.bot.testing.Observed.textsSentTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure case: <b>several updates of one chat racing</b>. The customer typed quickly while the bot was down (or
 * busy), so their messages wait at Telegram and reach the bot together in ONE getUpdates batch, which the gate
 * handles on many worker threads at once. Each chat must still be answered strictly in the order it wrote, while
 * different chats go on side by side. Every message here has a reply that tells it apart from the others.
 */
@DisplayName("Racing updates: a chat's messages pending in one batch are answered in order")
class PendingBatchOrderTest {

    private World world;
    private ConfigurableApplicationContext bot;

    @BeforeEach
    void startWithoutBot() {
        WarmUp.once();
        world = World.start();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("six messages of one chat, queued while no bot ran, are answered in the order they were sent")
    void oneChatsBacklogIsAnsweredInOrder() {
        Customer ann = world.newCustomer("Ann", "en");
        ann.says("/help");
        ann.says("balance");
        ann.says("/menu");
        ann.says("opening hours");
        ann.says("/cancel");
        ann.says("lost");

        bot = world.startBot();

        ann.hears("I can help you with:");
        ann.hears("You haven't linked a number yet");
        ann.hears("Link a number", "Share my phone number");
        ann.hears("What would you like to do?");
        ann.hears("Our hotline", "is open");
        ann.hears("There is nothing to cancel.");
        ann.hears("You haven't linked a number yet"); // "lost" starts the reissue flow, which links a line first
        ann.hears("Link a number");
        assertThat(world.telegram.calls("getUpdates")).as("one getUpdates answer carried all six messages")
                .anyMatch(call -> call.ok() && call.result().size() == 6);
    }

    @Test
    @DisplayName("three chats interleaved in one batch: each chat in its own order, none waits for the others")
    void interleavedChatsEachKeepTheirOrder() {
        Customer ann = world.newCustomer("Ann", "en");
        Customer bo = world.newCustomer("Bo", "zh-CN");
        Customer cai = world.newCustomer("Cai", "en");
        List<Customer> everyone = List.of(ann, bo, cai);
        List<String> en = List.of("/help", "balance", "/menu", "opening hours", "/cancel", "lost");
        List<String> zh = List.of("/help", "余额", "/menu", "营业时间", "/cancel", "挂失");
        for (int i = 0; i < en.size(); i++) {
            for (Customer customer : everyone) {
                customer.says(customer == bo ? zh.get(i) : en.get(i));
            }
        }

        bot = world.startBot();

        for (Customer customer : List.of(cai, ann)) {
            customer.hears("I can help you with:");
            customer.hears("You haven't linked a number yet");
            customer.hears("Link a number");
            customer.hears("What would you like to do?");
            customer.hears("Our hotline", "is open");
            customer.hears("There is nothing to cancel.");
            customer.hears("You haven't linked a number yet");
            customer.hears("Link a number");
        }
        bo.hears("我可以帮您");
        bo.hears("您还没有绑定号码");
        bo.hears("绑定号码", "分享我的手机号");
        bo.hears("请选择您要办理的业务");
        bo.hears("客服热线", "服务时间");
        bo.hears("当前没有进行中的操作");
        bo.hears("您还没有绑定号码");
        bo.hears("绑定号码");
        bo.hearsNothingFor(Duration.ofMillis(300));
        assertThat(world.telegram.calls("getUpdates")).as("one getUpdates answer carried all 18 messages")
                .anyMatch(call -> call.ok() && call.result().size() == 18);
        for (Customer customer : everyone) {
            assertThat(textsSentTo(world.telegram, customer.id())).as("messages to %s", customer.id()).hasSize(8);
        }
    }
}
