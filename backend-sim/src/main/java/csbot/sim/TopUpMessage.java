package csbot.sim;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The SMS confirming a completed top-up: Chinese first, then English; the new balance and expiry date. */
final class TopUpMessage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TopUpMessage() {
    }

    static String text(Purchase purchase, AccountStore.Change change) {
        LineAccount after = change.after();
        String paid = purchase.currency() + " " + purchase.price().toPlainString();
        String balance = after.currency() + " " + after.balance().toPlainString();
        String until = DATE.format(after.expiresAt());
        boolean restored = change.before().status() == LineStatus.SUSPENDED && after.status() == LineStatus.ACTIVE;
        StringBuilder text = new StringBuilder("【csbot】");
        text.append(purchase.planId().isEmpty()
                ? "充值成功：" + paid + " 已到账。"
                : "保号 " + purchase.days() + " 天套餐已生效（" + paid + "）。");
        text.append("当前余额 ").append(balance).append("，有效期至 ").append(until).append("。");
        if (restored) {
            text.append("号码已恢复使用。");
        }
        text.append(purchase.planId().isEmpty()
                ? " Top-up of " + paid + " received."
                : " Your " + purchase.days() + "-day number-keeping plan is active (" + paid + ").");
        text.append(" Balance ").append(balance).append(", valid until ").append(until).append('.');
        if (restored) {
            text.append(" Your line is active again.");
        }
        return text.toString();
    }
}
