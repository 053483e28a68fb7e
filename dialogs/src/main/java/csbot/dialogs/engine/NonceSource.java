package csbot.dialogs.engine;

import java.security.SecureRandom;

/** Short random tokens: session nonces (in callback data) and lock tokens. */
public final class NonceSource {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final int length;

    public NonceSource(int length) {
        this.length = length;
    }

    public String next() {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
