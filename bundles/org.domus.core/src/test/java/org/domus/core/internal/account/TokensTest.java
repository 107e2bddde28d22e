package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    private final Tokens tokens = new Tokens();

    @Test
    void sessionTokensAre32RandomBytesInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = tokens.sessionToken();
            assertTrue(t.matches("[A-Za-z0-9_-]{43}"), t);
            assertEquals(32, Base64.getUrlDecoder().decode(t).length);
            assertTrue(seen.add(t));
        }
    }

    @Test
    void accessTokenSecretsHaveThePatPrefixAndA12CharacterDisplayPrefix() {
        String secret = tokens.accessTokenSecret();
        assertTrue(secret.matches("domus_pat_[A-Za-z0-9_-]{43}"), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring(10)).length);
        assertEquals(12, Tokens.prefixOf(secret).length());
        assertEquals(secret.substring(0, 12), Tokens.prefixOf(secret));
        assertTrue(Tokens.looksLikeAccessToken(secret));
    }

    @Test
    void rejectsTextsThatCannotBeAccessTokens() {
        assertFalse(Tokens.looksLikeAccessToken(null));
        assertFalse(Tokens.looksLikeAccessToken("domus_pat_short"));
        assertFalse(Tokens.looksLikeAccessToken("other_pat_" + "a".repeat(43)));
        assertFalse(Tokens.looksLikeAccessToken("domus_pat_" + "a".repeat(42) + "="));
    }

    @Test
    void storedFormIsLowerCaseHexSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256Hex("abc"));
    }

    @Test
    void generatedPasswordsAreLongAndVaried() {
        String p = tokens.password();
        assertEquals(20, p.length());
        assertFalse(p.equals(tokens.password()));
        new PasswordPolicy().check("someone", p.toCharArray());
    }
}
