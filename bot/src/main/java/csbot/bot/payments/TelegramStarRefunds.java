package csbot.bot.payments;

import csbot.dialogs.topup.StarRefunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** {@code refundStarPayment}, tried a few times: a refund that did not happen must not be reported as done. */
@Component
final class TelegramStarRefunds implements StarRefunds {

    private static final Logger log = LoggerFactory.getLogger(TelegramStarRefunds.class);
    private static final int ATTEMPTS = 3;

    private final TelegramClient telegram;

    TelegramStarRefunds(TelegramClient telegram) {
        this.telegram = telegram;
    }

    @Override
    public boolean refund(long userId, String telegramChargeId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                telegram.execute(RefundStarPayment.builder().userId(userId)
                        .telegramPaymentChargeId(telegramChargeId).build());
                log.info("user {}: Stars payment refunded", userId);
                return true;
            } catch (TelegramApiRequestException e) {
                if (e.getApiResponse() != null && e.getApiResponse().contains("CHARGE_ALREADY_REFUNDED")) {
                    return true;
                }
                if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                    log.error("user {}: Telegram refused the Stars refund: {}", userId, e.getApiResponse());
                    return false;
                }
                log.warn("user {}: Stars refund attempt {} failed: {}", userId, attempt, e.getErrorCode());
            } catch (TelegramApiException e) {
                log.warn("user {}: Stars refund attempt {} failed: {}", userId, attempt, e.toString());
            }
            pause(attempt);
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
