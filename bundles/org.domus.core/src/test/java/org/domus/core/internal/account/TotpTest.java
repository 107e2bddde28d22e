package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.domus.core.internal.account.Totp.Algorithm;
import org.domus.core.qr.QrCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B: every time and mode with its 8-digit code. */
    @ParameterizedTest(name = "T={0} {2}")
    @CsvSource({
        "59,          94287082, SHA1",
        "59,          46119246, SHA256",
        "59,          90693936, SHA512",
        "1111111109,  07081804, SHA1",
        "1111111109,  68084774, SHA256",
        "1111111109,  25091201, SHA512",
        "1111111111,  14050471, SHA1",
        "1111111111,  67062674, SHA256",
        "1111111111,  99943326, SHA512",
        "1234567890,  89005924, SHA1",
        "1234567890,  91819424, SHA256",
        "1234567890,  93441116, SHA512",
        "2000000000,  69279037, SHA1",
        "2000000000,  90698825, SHA256",
        "2000000000,  38618901, SHA512",
        "20000000000, 65353130, SHA1",
        "20000000000, 77737706, SHA256",
        "20000000000, 47863826, SHA512"
    })
    void rfc6238AppendixBVectors(long time, String expected, Algorithm algorithm) {
        byte[] seed =
                switch (algorithm) {
                    case SHA1 -> SEED_SHA1;
                    case SHA256 -> SEED_SHA256;
                    case SHA512 -> SEED_SHA512;
                };
        assertEquals(expected, Totp.code(seed, Totp.step(time), 8, algorithm));
    }

    @Test
    void sixDigitCodeIsTheLastSixDigitsOfTheRfcValue() {
        assertEquals("287082", Totp.code(SEED_SHA1, Totp.step(59)));
    }

    @Test
    void codesOfTheNeighbouringStepsAreAcceptedButNotFurther() {
        long now = 1_111_111_111L;
        long step = Totp.step(now);
        assertEquals(step - 1, Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, step - 1), now, -1));
        assertEquals(step, Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, step), now, -1));
        assertEquals(step + 1, Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, step + 1), now, -1));
        assertEquals(-1, Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, step - 2), now, -1));
        assertEquals(-1, Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, step + 2), now, -1));
    }

    @Test
    void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
        long now = 1_234_567_890L;
        long step = Totp.step(now);
        String code = Totp.code(SEED_SHA1, step);
        assertEquals(step, Totp.matchingStep(SEED_SHA1, code, now, step - 1));
        assertEquals(-1, Totp.matchingStep(SEED_SHA1, code, now, step), "replay of the same step");
        assertEquals(-1, Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, step - 1), now, step), "an older code");
    }

    @Test
    void malformedCodesAreRefused() {
        for (String bad : new String[] {null, "", "12345", "1234567", "12a456", " 287082 "}) {
            assertEquals(-1, Totp.matchingStep(SEED_SHA1, bad, 59, -1), String.valueOf(bad));
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("mzxw 6ytb-oi======"));
        assertArrayEquals(SEED_SHA1, Base32.decode(Base32.encode(SEED_SHA1)));
    }

    @Test
    void otpauthUriNamesIssuerAccountAndParameters() {
        String uri = Totp.otpauthUri("Domus SVJ", "jana.novakova", SEED_SHA1);
        URI parsed = URI.create(uri);
        assertEquals("otpauth", parsed.getScheme());
        assertTrue(uri.startsWith("otpauth://totp/Domus%20SVJ:jana.novakova?secret=" + Base32.encode(SEED_SHA1)), uri);
        assertTrue(uri.endsWith("&issuer=Domus%20SVJ&algorithm=SHA1&digits=6&period=30"), uri);
    }

    @Test
    void qrCodeIsAPngDataUrl() {
        String png = QrCodes.pngDataUrl("otpauth://totp/x?secret=ABC", 200);
        assertTrue(png.startsWith("data:image/png;base64,iVBORw0KGgo"), png.substring(0, 40));
    }

    @Test
    void secretBoxSealsAndOpens() {
        SecretBox box = SecretBox.random();
        String sealed = box.seal(SEED_SHA1);
        assertTrue(!sealed.contains(Base32.encode(SEED_SHA1)));
        assertArrayEquals(SEED_SHA1, box.open(sealed));
    }
}
