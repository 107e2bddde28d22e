package org.domus.rest;

import java.net.URI;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
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

    /**
     * The request's JSON body, which the resource method needs.
     *
     * @throws ValidationException 422 {@code validation.required} on {@code $} when the request had no body
     */
    public static <T> T requireBody(T input) {
        if (input == null) {
            throw ValidationException.builder().add("$", "validation.required").build();
        }
        return input;
    }

    /** 201 with the new object as JSON and its address, {@code path} relative to {@code /api}. */
    public static Response created(UriInfo uri, String path, Object entity) {
        URI location = uri.getBaseUriBuilder().path(path).build();
        return Response.created(location)
                .type(MediaType.APPLICATION_JSON)
                .entity(entity)
                .build();
    }

    /**
     * A stored (uploaded) file: its own media type, downloaded and never rendered unless it is an image, never
     * sniffed, sandboxed if a browser opens it anyway, and kept out of shared caches.
     *
     * @param name the file's name as uploaded; only ASCII letters, digits, {@code .}, {@code _} and {@code -} go
     *     into the Content-Disposition header
     */
    public static Response storedFile(byte[] data, String mediaType, String name) {
        boolean image = mediaType.startsWith("image/");
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(data, mediaType)
                .header("Content-Disposition", (image ? "inline" : "attachment") + "; filename=\"" + ascii + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(noStore)
                .build();
    }

    /** The principal the authentication filter puts into the request's SecurityContext. */
    public record SubjectPrincipal(Subject subject) implements java.security.Principal {
        @Override
        public String getName() {
            return subject.login();
        }
    }
}
