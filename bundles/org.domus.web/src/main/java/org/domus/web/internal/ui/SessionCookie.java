package org.domus.web.internal.ui;

import org.domus.core.account.SessionService;

/**
 * The {@value SessionService#COOKIE} header values. Written by hand because the Servlet 3.1 cookie API
 * cannot express SameSite.
 */
public final class SessionCookie {

    private SessionCookie() {}

    /** A browser-session cookie carrying the token; the server session's idle timeout bounds its life. */
    public static String set(String token, boolean secure) {
        if (token == null || !token.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("token must be URL-safe");
        }
        return SessionService.COOKIE + "=" + token + attributes(secure);
    }

    /** Tells the browser to drop the cookie. */
    public static String clear(boolean secure) {
        return SessionService.COOKIE + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + attributes(secure);
    }

    private static String attributes(boolean secure) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
