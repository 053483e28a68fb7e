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
}
