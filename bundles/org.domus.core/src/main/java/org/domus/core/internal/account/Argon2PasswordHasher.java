package org.domus.core.internal.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.Arrays;

/**
 * Argon2id password hashes in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded standard Base64), so
 * that every hash carries its own parameters and they can be raised later: {@link #needsRehash}
 * tells the caller to store a fresh hash after the next successful login.
 */
public final class Argon2PasswordHasher {

    /** Argon2id cost parameters. */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        /** OWASP's minimum for Argon2id (2023): 19 MiB, 2 passes, 1 lane. */
        public static final Params OWASP = new Params(19 * 1024, 2, 1);

        public Params {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("invalid Argon2 parameters");
            }
        }
    }

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Params params;
    private final SecureRandom random;

    public Argon2PasswordHasher() {
        this(Params.OWASP, new SecureRandom());
    }

    public Argon2PasswordHasher(Params params, SecureRandom random) {
        this.params = Objects.requireNonNull(params);
        this.random = Objects.requireNonNull(random);
    }

    public Params params() {
        return params;
    }

    /** A fresh salted hash of the password with the current parameters. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether the password matches the encoded hash; false for a malformed hash. Constant time. */
    public boolean verify(char[] password, String encoded) {
        Parsed parsed;
        try {
            parsed = parse(encoded);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = argon2(password, parsed.salt(), parsed.params(), parsed.hash().length);
        return Arrays.constantTimeAreEqual(actual, parsed.hash());
    }

    /** Whether the hash was made with other parameters or sizes than the current ones. */
    public boolean needsRehash(String encoded) {
        try {
            Parsed parsed = parse(encoded);
            return !parsed.params().equals(params)
                    || parsed.salt().length != SALT_BYTES
                    || parsed.hash().length != HASH_BYTES;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The parts of a PHC string. */
    record Parsed(int version, Params params, byte[] salt, byte[] hash) {}

    static Parsed parse(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("no hash");
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an argon2id PHC string");
        }
        try {
            int version = Integer.parseInt(m.group(1));
            if (version != Argon2Parameters.ARGON2_VERSION_13) {
                throw new IllegalArgumentException("unsupported argon2 version " + version);
            }
            Params params = new Params(
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            byte[] salt = B64D.decode(m.group(5));
            byte[] hash = B64D.decode(m.group(6));
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("salt or hash too short");
            }
            return new Parsed(version, params, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in PHC string", e);
        }
    }

    private static byte[] argon2(char[] password, byte[] salt, Params params, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
