package org.domus.core.internal.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the few secrets Domus must be able to read back (TOTP seeds). The key lives outside
 * the database, so a stolen database dump alone does not reveal the seeds. Nodes of a cluster must share
 * the key file.
 */
public final class SecretBox {

    /** Name of the key file in Karaf's etc directory. */
    public static final String KEY_FILE = "domus-secret.key";

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * A keyed digest (HMAC-SHA256, hex) of {@code text} for one purpose: the same text gives the same digest on
     * every node sharing the key file, and nobody without the key can test guesses against stored digests
     * (IPv4 addresses, for example, could all be hashed in minutes without a key).
     */
    public String digest(String purpose, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing", e);
        }
    }

    /** A box with a fresh random key (tests, or a node without a key directory). */
    public static SecretBox random() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return new SecretBox(k);
    }

    /**
     * The box of the key in {@code directory}/{@value #KEY_FILE}, which is created (owner-readable only)
     * on first use. Two components starting at once both end up with the file's key.
     */
    public static SecretBox fromDirectory(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                try {
                    Files.write(
                            file,
                            Base64.getEncoder().encode(k),
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // Not a POSIX file system: the directory's own protection has to do.
                    }
                } catch (FileAlreadyExistsException e) {
                    // Another component created it first: use that one.
                }
            }
            return new SecretBox(
                    Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the secret key " + file, e);
        }
    }

    /** Base64 of nonce + ciphertext + tag. */
    public String seal(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    public byte[] open(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: wrong or replaced key file", e);
        }
    }
}
