package org.domus.itests.browser;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app does, written independently of Domus's implementation so that the test
 * checks it: RFC 6238 codes (HMAC-SHA1, 6 digits, 30 s) from the Base32 key shown on the enrolment page.
 * It remembers the last step used per login, because Domus accepts each code once only.
 */
public final class TotpCodes {

    private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TotpCodes() {}

    public static void remember(String login, String base32Key) {
        SECRETS.put(login, decode(base32Key));
        LAST_STEP.remove(login);
    }

    public static boolean knows(String login) {
        return SECRETS.containsKey(login);
    }

    /** The code of the current step (or the next one, waiting if needed) that has not been used yet. */
    public static String next(String login) throws InterruptedException {
        byte[] secret = SECRETS.get(login);
        if (secret == null) {
            throw new IllegalStateException("no TOTP key known for " + login);
        }
        long last = LAST_STEP.getOrDefault(login, -1L);
        long now = Instant.now().getEpochSecond() / 30;
        long step = Math.max(last + 1, now);
        while (step > Instant.now().getEpochSecond() / 30 + 1) {
            Thread.sleep(500);
        }
        LAST_STEP.put(login, step);
        return code(secret, step);
    }

    /** A code that was accepted before: the server must refuse it. */
    public static String lastUsed(String login) {
        return code(SECRETS.get(login), LAST_STEP.get(login));
    }

    public static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(base32.length());
        int buffer = 0;
        int bits = 0;
        for (char c : base32.replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }
}
