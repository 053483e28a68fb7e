package csbot.emulator;

import java.time.Instant;

/** The bot's answerPreCheckoutQuery: go ahead ({@code ok}), or not, with the reason the user is shown. */
public record PreCheckoutAnswer(String queryId, boolean ok, String errorMessage, Instant time) {
}
