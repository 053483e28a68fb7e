package csbot.sim;

/** The SMS carrying a one-time code: Chinese first, as the carrier's customers read it, then English. */
final class OtpMessage {

    private OtpMessage() {
    }

    static String text(String code, long validMinutes) {
        return "【csbot】验证码 " + code + "，" + validMinutes + " 分钟内有效。请勿将验证码告诉任何人，客服绝不会向您索取。"
                + " Your verification code is " + code + ", valid for " + validMinutes + " minutes."
                + " Never share this code with anyone; our staff will never ask for it.";
    }

    /** The code for a SIM change or a PUK, sent to the account's other channel, naming the line it is for. */
    static String forSimChange(String code, String maskedLine, long validMinutes) {
        return "【csbot】验证码 " + code + "，用于号码 " + maskedLine + " 的补卡或 PUK 查询，" + validMinutes
                + " 分钟内有效。如非本人操作，请立即致电客服。请勿将验证码告诉任何人。"
                + " Your code " + code + " is for a SIM replacement or PUK of " + maskedLine + ", valid for "
                + validMinutes + " minutes. If this was not you, call us now. Never share this code with anyone.";
    }

    /** Sent to the other channel when codes for a SIM change were used up. */
    static String lockedWarning(String maskedLine, long coolDownMinutes) {
        return "【csbot】号码 " + maskedLine + " 的补卡验证连续输错 3 次，已暂停 " + coolDownMinutes
                + " 分钟。如非本人操作，请立即致电客服。"
                + " Three wrong codes were entered for a SIM replacement of " + maskedLine + "; it is paused for "
                + coolDownMinutes + " minutes. If this was not you, call us now.";
    }
}
