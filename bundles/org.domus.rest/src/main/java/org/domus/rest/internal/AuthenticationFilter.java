package org.domus.rest.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.SessionService;
import org.domus.core.account.TotpService;
import org.domus.rest.DomusRest;
import org.domus.rest.Public;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authenticates every request of the {@code domus} application, whichever bundle its resource comes from.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <secret>}: a personal access token. A token that is unknown, expired
 *       or revoked is a 401 that does not say which.
 *   <li>Cookie {@code DOMUS_SESSION}: the web UI's session. Because browsers send cookies on cross-site
 *       requests too, unsafe methods (POST, PUT, PATCH, DELETE) authenticated by the cookie must also
 *       carry {@code X-Requested-With: XMLHttpRequest} (a header a foreign site cannot add without a CORS
 *       preflight that we never allow) or an {@code Origin} whose host and port equal the request's
 *       {@code Host}; otherwise 403 {@code error.csrf}.
 *   <li>An account whose roles require TOTP (ADMIN, ACCOUNTANT by default) and that has not set it up
 *       reaches only what is annotated {@link WithoutTotpEnrolment} (who am I, enrolment, sign-out);
 *       anything else is 403 {@code error.totp.enrolment-required}, checked on every request so that a
 *       newly granted role is restricted at once.
 *   <li>Resources or methods annotated {@link Public} pass without credentials; credentials they do get are
 *       still used when valid, so a public resource can tailor its answer.
 * </ul>
 *
 * <p>It runs after matching so that it can see the matched method's annotations. Consequence: an unknown
 * path is a 404 even without credentials (it reveals only which URLs exist, which the public OpenAPI
 * document says anyway).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(AuthenticationFilter.NAME)
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String NAME = "domus.authentication";

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String BEARER_PREFIX = "bearer ";

    // Dynamic and optional on purpose: without the identity services the application must still come up
    // (health and the OpenAPI document are public) and protected resources answer 503 rather than vanish.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccessTokenService tokens;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SessionService sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TotpService totp;

    // JAX-RS injects a thread-local proxy to the matched resource.
    @Context
    private ResourceInfo resourceInfo;

    @Activate
    public AuthenticationFilter() {}

    /** For tests: the filter with its collaborators and a fixed resource. */
    AuthenticationFilter(AccessTokenService tokens, SessionService sessions, ResourceInfo resourceInfo) {
        this(tokens, sessions, null, resourceInfo);
    }

    /** For tests: with the TOTP service that decides who must enrol first. */
    AuthenticationFilter(
            AccessTokenService tokens, SessionService sessions, TotpService totp, ResourceInfo resourceInfo) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.totp = totp;
        this.resourceInfo = resourceInfo;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean open = isPublic();
        Optional<Subject> subject;
        String scheme;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(SessionService.COOKIE);
        if (authorization != null && !authorization.isBlank()) {
            scheme = DomusSecurityContext.BEARER;
            subject = bearer(authorization, open);
        } else if (cookie != null
                && cookie.getValue() != null
                && !cookie.getValue().isBlank()) {
            scheme = DomusSecurityContext.COOKIE;
            subject = session(cookie.getValue(), open);
            if (subject.isPresent()
                    && UNSAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))
                    && !passesCsrfCheck(request)) {
                if (!open) {
                    throw new DomusException(DomusException.Kind.FORBIDDEN, "error.csrf");
                }
                subject = Optional.empty();
            }
        } else {
            scheme = null;
            subject = Optional.empty();
        }
        if (subject.isPresent() && !open && mustEnrolFirst(subject.get()) && !isAllowedBeforeEnrolment()) {
            // As in the web UI: a role that requires TOTP gets nothing else until TOTP is set up.
            throw new DomusException(DomusException.Kind.FORBIDDEN, "error.totp.enrolment-required");
        }
        if (subject.isPresent()) {
            request.setSecurityContext(new DomusSecurityContext(subject.get(), isSecure(request), scheme));
        } else if (!open) {
            throw new DomusException(DomusException.Kind.UNAUTHENTICATED, "error.unauthenticated");
        }
    }

    private Optional<Subject> bearer(String authorization, boolean open) {
        if (!authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return refuse(open);
        }
        String secret = authorization.substring(BEARER_PREFIX.length()).trim();
        AccessTokenService service = tokens;
        if (service == null) {
            return unavailable(open);
        }
        Optional<Subject> subject = secret.isEmpty() ? Optional.empty() : service.resolve(secret);
        return subject.isPresent() ? subject : refuse(open);
    }

    private Optional<Subject> session(String token, boolean open) {
        SessionService service = sessions;
        if (service == null) {
            return unavailable(open);
        }
        Optional<Subject> subject = service.resolve(token);
        return subject.isPresent() ? subject : refuse(open);
    }

    /** Bad credentials: a 401 on protected resources, anonymous on public ones. */
    private static Optional<Subject> refuse(boolean open) {
        if (open) {
            return Optional.empty();
        }
        throw new DomusException(DomusException.Kind.UNAUTHENTICATED, "error.unauthenticated");
    }

    private static Optional<Subject> unavailable(boolean open) {
        if (open) {
            return Optional.empty();
        }
        throw new ServiceUnavailableException();
    }

    /** Whether the subject's roles require TOTP and it is not on yet (asked afresh on every request). */
    private boolean mustEnrolFirst(Subject subject) {
        TotpService service = totp;
        if (service == null) {
            // Without the TOTP service nobody can enrol; fail closed for the roles that need it.
            return subject.isAdmin();
        }
        return service.isRequired(subject)
                && !service.status(subject.accountId()).enabled();
    }

    private boolean isAllowedBeforeEnrolment() {
        ResourceInfo info = resourceInfo;
        if (info == null) {
            return false;
        }
        var method = info.getResourceMethod();
        var type = info.getResourceClass();
        return (method != null && method.isAnnotationPresent(WithoutTotpEnrolment.class))
                || (type != null && type.isAnnotationPresent(WithoutTotpEnrolment.class));
    }

    private boolean isPublic() {
        ResourceInfo info = resourceInfo;
        if (info == null) {
            return false;
        }
        var method = info.getResourceMethod();
        var type = info.getResourceClass();
        return (method != null && method.isAnnotationPresent(Public.class))
                || (type != null && type.isAnnotationPresent(Public.class));
    }

    static boolean passesCsrfCheck(ContainerRequestContext request) {
        if ("XMLHttpRequest".equalsIgnoreCase(request.getHeaderString("X-Requested-With"))) {
            return true;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host == null || host.isBlank()) {
            URI base = request.getUriInfo().getBaseUri();
            host = base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
        }
        return sameHostAndPort(origin.trim(), host.trim());
    }

    /**
     * Compares host and port only: behind a TLS-terminating proxy the request is {@code http} while the
     * browser's Origin is {@code https}. A Host without port means the Origin scheme's default port.
     */
    static boolean sameHostAndPort(String origin, String host) {
        URI originUri;
        URI hostUri;
        try {
            originUri = URI.create(origin);
            hostUri = URI.create("x://" + host);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (originUri.getHost() == null || hostUri.getHost() == null) {
            return false;
        }
        int originPort = originUri.getPort() >= 0 ? originUri.getPort() : defaultPort(originUri.getScheme());
        int hostPort = hostUri.getPort() >= 0 ? hostUri.getPort() : defaultPort(originUri.getScheme());
        return originUri.getHost().equalsIgnoreCase(hostUri.getHost()) && originPort == hostPort;
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static boolean isSecure(ContainerRequestContext request) {
        SecurityContext original = request.getSecurityContext();
        if (original != null && original.isSecure()) {
            return true;
        }
        URI uri = request.getUriInfo() == null ? null : request.getUriInfo().getRequestUri();
        return uri != null && "https".equalsIgnoreCase(uri.getScheme());
    }
}
