package org.domus.core.internal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and their stored form. Session tokens and access-token secrets carry 256 random bits,
 * so a plain SHA-256 is enough to store them (no slow hash needed: they cannot be guessed).
 */
public final class Tokens {

    /** Prefix of every personal access token secret, so leaked secrets are recognisable by scanners. */
    public static final String PAT_PREFIX = "domus_pat_";
    /** Characters of the secret kept in clear text to recognise a token in a list. */
    public static final int PREFIX_LENGTH = 12;

    static final int RANDOM_BYTES = 32;
    /** Length of the base64url text of 32 bytes without padding. */
    static final int RANDOM_CHARS = 43;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final SecureRandom random;

    public Tokens() {
        this(new SecureRandom());
    }

    public Tokens(SecureRandom random) {
        this.random = random;
    }

    /** A session token: 32 random bytes, base64url without padding (43 characters). */
    public String sessionToken() {
        return randomText();
    }

    /** A personal access token secret: {@code domus_pat_} and 32 random bytes in base64url. */
    public String accessTokenSecret() {
        return PAT_PREFIX + randomText();
    }

    /** Whether the text has the shape of an access token secret (cheap check before any lookup). */
    public static boolean looksLikeAccessToken(String secret) {
        return secret != null
                && secret.length() == PAT_PREFIX.length() + RANDOM_CHARS
                && secret.startsWith(PAT_PREFIX)
                && secret.substring(PAT_PREFIX.length()).chars().allMatch(Tokens::isBase64Url);
    }

    public static String prefixOf(String secret) {
        return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length()));
    }

    /** A generated password: 20 characters without look-alikes (about 116 bits). */
    public String password() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 text: the only form in which tokens are stored. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private String randomText() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
