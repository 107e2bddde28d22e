package org.domus.web.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSiteWide() {
        assertEquals("DOMUS_SESSION=abc-123; Path=/; HttpOnly; SameSite=Strict", SessionCookie.set("abc-123", false));
    }

    @Test
    void overHttpsTheCookieIsSecure() {
        assertTrue(SessionCookie.set("abc", true).endsWith("; Secure"));
    }

    @Test
    void clearingExpiresTheCookieWithTheSameAttributes() {
        String header = SessionCookie.clear(false);
        assertTrue(header.startsWith("DOMUS_SESSION=; Max-Age=0"));
        assertTrue(header.endsWith("; Path=/; HttpOnly; SameSite=Strict"));
    }

    @Test
    void tokensThatCouldInjectAttributesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SessionCookie.set("x; Domain=evil", false));
    }
}
