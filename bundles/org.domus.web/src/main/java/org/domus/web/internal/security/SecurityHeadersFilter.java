package org.domus.web.internal.security;

import java.io.IOException;
import java.util.Map;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.domus.web.internal.components.MapTiles;
import org.domus.web.internal.components.MapTilesConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Browser hardening headers on every response of every HTTP context: the UI's, the REST API's and any
 * other. Headers are set before the chain runs so that they are present on error responses too.
 */
@Component(
        service = Filter.class,
        property = {
            HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME + "=domus-security-headers",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN + "=/*",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_ASYNC_SUPPORTED + "=true",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_DISPATCHER + "=REQUEST",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_DISPATCHER + "=ERROR",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=("
                    + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=*)",
            "service.ranking:Integer=1000"
        })
public class SecurityHeadersFilter implements Filter {

    /**
     * What Vaadin 23 in production mode needs: its bootstrap page carries inline scripts (initial UIDL)
     * and the client runs server-sent JavaScript through {@code new Function}, hence 'unsafe-inline' and
     * 'unsafe-eval' for scripts; Lumo and the components set inline styles; Lumo's icon font and some
     * component images are data: URLs. Everything else is same-origin only, except the map tiles' origin
     * among the image sources (see {@link #contentSecurityPolicy(MapTiles)}).
     */
    private static final String IMG_SRC = "img-src 'self' data: blob:";

    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            IMG_SRC,
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Header name to value; the policy is replaced by {@link #contentSecurityPolicy(MapTiles)}'s. */
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy",
                    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                            + "payment=(), usb=()",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin");

    private static final String HSTS = "max-age=31536000";

    private final MapTilesConfig mapTiles;

    /** Without map tile settings: the default tiles' origin. */
    public SecurityHeadersFilter() {
        this(null);
    }

    @Activate
    public SecurityHeadersFilter(@Reference MapTilesConfig mapTiles) {
        this.mapTiles = mapTiles;
    }

    /** The policy with the tile server's origin allowed as an image source (maps load tiles as images). */
    public static String contentSecurityPolicy(MapTiles tiles) {
        return CONTENT_SECURITY_POLICY.replace(IMG_SRC, IMG_SRC + " " + tiles.imageSource());
    }

    @Override
    public void init(FilterConfig filterConfig) {
        // Stateless.
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            HEADERS.forEach(http::setHeader);
            http.setHeader(
                    "Content-Security-Policy",
                    contentSecurityPolicy(mapTiles == null ? MapTiles.DEFAULT : mapTiles.tiles()));
            // HSTS means something only over TLS, and browsers ignore it on plain HTTP anyway.
            if (request instanceof HttpServletRequest httpRequest && httpRequest.isSecure()) {
                http.setHeader("Strict-Transport-Security", HSTS);
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        // Stateless.
    }
}
