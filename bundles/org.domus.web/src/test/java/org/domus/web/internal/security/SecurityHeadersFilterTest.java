package org.domus.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.domus.web.internal.components.MapTilesConfig;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final AtomicBoolean chained = new AtomicBoolean();
    private final HttpServletResponse response = proxy(HttpServletResponse.class, (method, args) -> {
        if (method.equals("setHeader")) {
            headers.put((String) args[0], (String) args[1]);
        }
        return null;
    });
    private final FilterChain chain = (req, res) -> {
        // The headers must already be there when the servlet writes its response.
        assertTrue(headers.containsKey("Content-Security-Policy"));
        chained.set(true);
    };

    @Test
    void everyResponseGetsTheHardeningHeadersBeforeTheChainRuns() throws Exception {
        new SecurityHeadersFilter().doFilter(request(false), response, chain);

        assertTrue(chained.get());
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", headers.get("Referrer-Policy"));
        assertTrue(headers.get("Permissions-Policy").contains("camera=()"));
        assertFalse(headers.containsKey("Strict-Transport-Security"));
    }

    @Test
    void theContentSecurityPolicyAllowsOnlyTheOwnOriginAndNoFraming() throws Exception {
        new SecurityHeadersFilter().doFilter(request(false), response, chain);

        String csp = headers.get("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'self'"));
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertTrue(csp.contains("object-src 'none'"));
        assertTrue(csp.contains("connect-src 'self'"));
        assertFalse(csp.contains("*"), "no wildcard sources");
        assertFalse(csp.contains("http:"), "no plain-http sources");
    }

    @Test
    void theConfiguredMapTileServerMayServeImages() throws Exception {
        MapTilesConfig tiles = new MapTilesConfig();
        tiles.configure(Map.of("map.tiles.url", "http://127.0.0.1:8089/tiles/{z}/{x}/{y}.png"));

        new SecurityHeadersFilter(tiles).doFilter(request(false), response, chain);

        String csp = headers.get("Content-Security-Policy");
        assertTrue(csp.contains("img-src 'self' data: blob: http://127.0.0.1:8089;"), csp);
        assertTrue(csp.contains("connect-src 'self';"), csp);
    }

    @Test
    void secureRequestsAlsoGetStrictTransportSecurity() throws Exception {
        new SecurityHeadersFilter().doFilter(request(true), response, chain);

        assertTrue(headers.get("Strict-Transport-Security").startsWith("max-age="));
    }

    private static HttpServletRequest request(boolean secure) {
        return proxy(HttpServletRequest.class, (method, args) -> method.equals("isSecure") ? secure : null);
    }

    interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> handler.handle(m.getName(), a)));
    }
}
