package org.domus.rest;

import javax.ws.rs.core.SecurityContext;
import org.domus.core.DomusException;
import org.domus.core.Subject;

/**
 * Constants and helpers for module REST resources.
 *
 * <p>A module resource is a DS component registered as a service with
 * {@code @JaxrsResource}, {@code @JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)},
 * {@code @JSONRequired} and {@code @Path("<module>/...")}; the platform supplies JSON, authentication,
 * problem documents and the OpenAPI document.
 */
public final class DomusRest {

    /** {@code osgi.jaxrs.name} of the Domus application. */
    public static final String APPLICATION_NAME = "domus";

    /** Application base path: every resource lives under {@code /api}. */
    public static final String APPLICATION_BASE = "api";

    /** Target filter for {@code @JaxrsApplicationSelect}. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /** Media type of RFC 9457 problem documents. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private DomusRest() {}

    /**
     * The authenticated subject of the current request (set by the platform's authentication filter).
     *
     * @throws DomusException UNAUTHENTICATED when the request carries no subject (only on {@link Public}
     *     resources)
     */
    public static Subject subject(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof SubjectPrincipal principal) {
            return principal.subject();
        }
        throw new DomusException(DomusException.Kind.UNAUTHENTICATED, "error.unauthenticated");
    }

    /** The principal the authentication filter puts into the request's SecurityContext. */
    public record SubjectPrincipal(Subject subject) implements java.security.Principal {
        @Override
        public String getName() {
            return subject.login();
        }
    }
}
