package org.domus.core.internal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.domus.core.DomusException;

/**
 * What a password must satisfy (NIST SP 800-63B style: length and a blocklist, no composition rules):
 * 12 to 128 characters, not the login, not on the bundled list of common and breached passwords
 * (compared case-insensitively).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final String LIST = "common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this(load());
    }

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /**
     * @throws DomusException INVALID with {@code password.too-short} ({0} = minimum),
     *     {@code password.too-long} ({0} = maximum), {@code password.equals-login} or
     *     {@code password.too-common}
     */
    public void check(String login, char[] password) {
        if (password == null) {
            throw new DomusException(DomusException.Kind.INVALID, "password.too-short", MIN_LENGTH);
        }
        String candidate = new String(password);
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            throw new DomusException(DomusException.Kind.INVALID, "password.too-short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new DomusException(DomusException.Kind.INVALID, "password.too-long", MAX_LENGTH);
        }
        if (login != null && candidate.trim().equalsIgnoreCase(login.trim())) {
            throw new DomusException(DomusException.Kind.INVALID, "password.equals-login");
        }
        if (common.contains(candidate.toLowerCase(Locale.ROOT))) {
            throw new DomusException(DomusException.Kind.INVALID, "password.too-common");
        }
    }

    /** Number of entries on the blocklist. */
    public int listSize() {
        return common.size();
    }

    static boolean sameChars(char[] a, char[] b) {
        return a != null && b != null && CharBuffer.wrap(a).equals(CharBuffer.wrap(b));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
