package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void defaultParametersMeetOwaspMinimum() {
        Argon2PasswordHasher.Params p = hasher.params();
        assertTrue(p.memoryKiB() >= 19456);
        assertTrue(p.iterations() >= 2);
        assertEquals(1, p.parallelism());
    }

    @Test
    void hashIsAPhcStringWithItsParameters() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        Argon2PasswordHasher.Parsed parsed = Argon2PasswordHasher.parse(hash);
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
        assertEquals(hasher.params(), parsed.params());
        String tail = hash.substring(hash.lastIndexOf("$", hash.lastIndexOf("$") - 1));
        assertFalse(tail.contains("="), "PHC strings use unpadded Base64: " + tail);
    }

    @Test
    void verifiesTheRightPasswordAndRejectsOthers() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertTrue(hasher.verify("correct horse battery".toCharArray(), hash));
        assertFalse(hasher.verify("correct horse batterY".toCharArray(), hash));
        assertFalse(hasher.verify(new char[0], hash));
    }

    @Test
    void sameSaltNeverRepeats() {
        assertNotEquals(hasher.hash("same password!".toCharArray()), hasher.hash("same password!".toCharArray()));
    }

    @Test
    void hashAgreesWithAnIndependentArgon2idComputation() {
        String hash = hasher.hash("žluťoučký kůň 2024".toCharArray());
        Argon2PasswordHasher.Parsed parsed = Argon2PasswordHasher.parse(hash);

        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(0x13)
                .withMemoryAsKB(19456)
                .withIterations(2)
                .withParallelism(1)
                .withSalt(parsed.salt())
                .build());
        byte[] expected = new byte[32];
        gen.generateBytes("žluťoučký kůň 2024".getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
        assertArrayEquals(expected, parsed.hash());
    }

    @Test
    void verifiesHashesMadeWithOtherParametersFromTheirOwnString() {
        Argon2PasswordHasher weak =
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom());
        String old = weak.hash("an older password".toCharArray());

        assertTrue(hasher.verify("an older password".toCharArray(), old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(weak.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("a current password".toCharArray())));
    }

    @Test
    void malformedHashesNeverVerifyAndNeedRehash() {
        for (String bad : new String[] {
            null,
            "",
            "plain",
            "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$2a$10$abcdefghijklmnopqrstuv"
        }) {
            assertFalse(hasher.verify("whatever".toCharArray(), bad), String.valueOf(bad));
            assertTrue(hasher.needsRehash(bad));
        }
        assertThrows(
                IllegalArgumentException.class, () -> Argon2PasswordHasher.parse("$argon2id$v=19$m=x,t=1,p=1$a$b"));
    }

    @Test
    void parsesAPhcStringFromAnotherImplementation() {
        // Test vector of the reference implementation (phc-winner-argon2, src/test.c)
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        Argon2PasswordHasher.Parsed parsed = Argon2PasswordHasher.parse(reference);
        assertEquals(new Argon2PasswordHasher.Params(65536, 2, 1), parsed.params());
        assertEquals("somesalt", new String(parsed.salt(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(32, parsed.hash().length);
        assertTrue(hasher.verify("password".toCharArray(), reference));
        assertFalse(hasher.verify("Password".toCharArray(), reference));
        assertTrue(hasher.needsRehash(reference), "different parameters");
        assertEquals(
                "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7",
                java.util.HexFormat.of().formatHex(parsed.hash()),
                "reference tag in hex");
    }
}
