package org.domus.core.internal.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 on top of HOTP, RFC 4226). Domus issues HMAC-SHA1, 6 digits,
 * 30-second steps because that is what every authenticator app understands; SHA-256 and SHA-512 exist
 * so that the RFC's test vectors can be checked in full.
 */
public final class Totp {

    /** Seconds per time step. */
    public static final int STEP_SECONDS = 30;
    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one, for clocks that drift. */
    public static final int TOLERANCE = 1;
    /** Bytes of a new secret: 160 bits, as RFC 4226 recommends for SHA-1. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The HMAC variants of RFC 6238. */
    public enum Algorithm {
        SHA1("HmacSHA1"),
        SHA256("HmacSHA256"),
        SHA512("HmacSHA512");

        final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private Totp() {}

    /** The time step of an epoch second. */
    public static long step(long epochSecond) {
        return Math.floorDiv(epochSecond, STEP_SECONDS);
    }

    /** The code of one time step, zero-padded to {@code digits}. */
    public static String code(byte[] secret, long step, int digits, Algorithm algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1..8");
        }
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % POWERS[digits]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + algorithm + " is required by every Java platform", e);
        }
    }

    /** Domus's code (SHA-1, 6 digits) of one step. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, Algorithm.SHA1);
    }

    /**
     * The step, within the tolerance around {@code now}, whose code is {@code code} and that is later than
     * {@code lastUsedStep}; -1 when there is none. Refusing steps up to the last used one is what makes
     * a code usable once only, even within its validity window.
     */
    public static long matchingStep(byte[] secret, String code, long epochSecond, long lastUsedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long now = step(epochSecond);
        long found = -1;
        for (long s = now - TOLERANCE; s <= now + TOLERANCE; s++) {
            // Every candidate is computed and compared in constant time, so timing tells nothing.
            boolean equal = MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes());
            if (equal && s > lastUsedStep && found < 0) {
                found = s;
            }
        }
        return found;
    }

    /** The {@code otpauth://} URI that authenticator apps read from the QR code. */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        // Authenticator apps expect %20, not '+', in the label.
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
