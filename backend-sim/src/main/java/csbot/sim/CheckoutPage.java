package csbot.sim;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The simulator's checkout pages, in Chinese and English: one form with a button per way to pay, and the pages after
 * paying. Self-contained HTML: no scripts, no external styles, fonts or images.
 */
final class CheckoutPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;\
            margin:0;padding:24px;color:#1d2329}\
            main{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;\
            box-shadow:0 1px 4px rgba(0,0,0,.08)}\
            h1{font-size:20px;margin:0 0 16px}.amount{font-size:32px;font-weight:600;margin:8px 0}\
            .muted{color:#69727d;font-size:14px}form{display:flex;flex-direction:column;gap:10px;margin-top:20px}\
            button{font-size:16px;padding:12px;border:0;border-radius:8px;color:#fff;cursor:pointer}\
            .card{background:#1d2329}.alipay{background:#1677ff}.wechatPay{background:#07c160}\
            .ok{color:#07c160}.bad{color:#d4380d}""";

    private CheckoutPage() {
    }

    static String of(PaymentLink.View view) {
        return switch (view.status()) {
            case OPEN -> open(view);
            case PAID -> paid(view);
            case EXPIRED -> page("链接已过期 · Link expired", """
                    <h1 class="bad">链接已过期 · This link has expired</h1>
                    <p>请回到 Telegram 重新发起充值。<br>Please go back to Telegram and start the top-up again.</p>""");
        };
    }

    static String notFound() {
        return page("找不到支付链接 · Not found", """
                <h1 class="bad">找不到该支付链接 · No such payment link</h1>
                <p>请回到 Telegram 重新发起充值。<br>Please go back to Telegram and start the top-up again.</p>""");
    }

    private static String open(PaymentLink.View view) {
        PaymentLink link = view.link();
        StringBuilder buttons = new StringBuilder();
        for (PaymentLink.Method method : PaymentLink.Method.values()) {
            buttons.append("<button type=\"submit\" name=\"method\" value=\"").append(method.wireName())
                    .append("\" class=\"").append(method.wireName()).append("\">")
                    .append(method.chinese).append(" · ").append(method.english).append("</button>");
        }
        return page("充值 · Top-up", "<h1>充值 · Top-up</h1>" + summary(link)
                + "<form method=\"post\" action=\"" + escape(link.id()) + "/pay\">" + buttons + "</form>"
                + "<p class=\"muted\">此链接有效期至 · Valid until " + TIME.format(link.expiresAt()) + "</p>"
                + "<p class=\"muted\">模拟支付，不会扣款 · Simulated payment, no money is taken.</p>");
    }

    private static String paid(PaymentLink.View view) {
        String with = view.paidWith().map(method -> method.chinese + " · " + method.english).orElse("");
        return page("支付成功 · Paid", "<h1 class=\"ok\">✅ 支付成功 · Payment received</h1>" + summary(view.link())
                + "<p>" + escape(with) + "</p>"
                + "<p>充值结果将通过短信和 Telegram 通知您。<br>You will get the result by SMS and in Telegram.</p>");
    }

    private static String summary(PaymentLink link) {
        String plan = link.planId().isEmpty() ? "" : "<p>" + escape(link.planId()) + "</p>";
        return "<p class=\"amount\">" + escape(link.amount().units()) + " " + link.amount().amount().toPlainString()
                + "</p><p class=\"muted\">号码 · Number " + escape(Msisdns.mask(link.msisdn())) + "</p>" + plan;
    }

    /**
     * The form posts to {@code <id>/pay} relative to its own page {@code /checkout/<id>}: the relative form keeps
     * working behind a proxy that serves the simulator under another path.
     */
    private static String page(String title, String content) {
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>"
                + "<body><main>" + content + "</main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
