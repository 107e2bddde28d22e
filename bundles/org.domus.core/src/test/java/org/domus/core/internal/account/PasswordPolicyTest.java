package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.domus.core.DomusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    private static String refusal(String login, String password) {
        DomusException e = assertThrows(
                DomusException.class, () -> POLICY.check(login, password == null ? null : password.toCharArray()));
        assertEquals(DomusException.Kind.INVALID, e.kind());
        return e.messageKey();
    }

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertEquals("password.too-short", refusal("jana", "Xk4!mQ9#vL2"));
        assertEquals("password.too-short", refusal("jana", ""));
        assertEquals("password.too-short", refusal("jana", null));
        assertDoesNotThrow(() -> POLICY.check("jana", "Xk4!mQ9#vL2z".toCharArray()));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 11 emoji are 22 UTF-16 units but only 11 characters
        assertEquals("password.too-short", refusal("jana", "😀😁😂🤣😃😄😅😆😉😊😋"));
    }

    @Test
    void refusesPasswordsLongerThan128Characters() {
        assertEquals("password.too-long", refusal("jana", "a1B".repeat(43)));
        assertDoesNotThrow(() -> POLICY.check("jana", ("a1B".repeat(42) + "xy").toCharArray()));
    }

    @Test
    void refusesTheLoginItselfInAnyCase() {
        assertEquals("password.equals-login", refusal("anna.novakova", "Anna.Novakova"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password1234",
                "qwertyuiop12",
                "123456789012",
                "Password1234",
                "QWERTYUIOP12",
                "1qaz2wsx3edc",
                "iloveyou2024",
                "passwordpassword",
                "P@ssw0rd1234",
                "zaq12wsxcde3",
                "111111111111",
                "welcome12345",
                "administrator"
            })
    void refusesCommonPasswordsCaseInsensitively(String common) {
        assertEquals("password.too-common", refusal("jana", common));
    }

    @Test
    void bundledListHasThousandsOfEntries() {
        assertTrue(POLICY.listSize() > 5000, "list size " + POLICY.listSize());
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertDoesNotThrow(() -> POLICY.check("jana", "tram lemon seventeen kettle".toCharArray()));
    }
}
