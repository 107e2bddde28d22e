package org.domus.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every exception of the {@code domus} application with an {@code application/problem+json}
 * document (see {@link ProblemMapping}).
 */
@Component(service = javax.ws.rs.ext.ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ProblemExceptionMapper.NAME)
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    static final String NAME = "domus.problems";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    // The problem is serialised here rather than by the Jackson provider so that errors stay JSON
    // even when the provider is missing or itself the cause of the failure.
    private final ObjectMapper mapper = JsonSupport.createMapper();

    // JAX-RS injects thread-local proxies into these at registration; they are not DS references.
    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private SecurityContext securityContext;

    @Override
    public Response toResponse(Throwable thrown) {
        RequestInfo info;
        try {
            info = requestInfo();
        } catch (RuntimeException e) {
            // Contexts can be unavailable when the failure happened very early; map with what we have.
            LOG.debug("request context unavailable for the problem document", e);
            info = new RequestInfo(null, null, List.of(), null, null, null, null);
        }
        return toResponse(ProblemMapping.map(thrown, info));
    }

    Response toResponse(ProblemMapping.Mapped mapped) {
        if (mapped.passThrough() != null) {
            return mapped.passThrough();
        }
        Response.ResponseBuilder builder = Response.status(mapped.problem().status());
        mapped.headers().forEach(builder::header);
        String body;
        try {
            body = mapper.writeValueAsString(mapped.problem());
        } catch (JsonProcessingException e) {
            LOG.error("errorId={} cannot serialise problem", mapped.problem().errorId(), e);
            body = "{\"status\":" + mapped.problem().status() + "}";
        }
        return builder.type(DomusRest.PROBLEM_JSON + ";charset=UTF-8")
                .entity(body)
                .build();
    }

    private RequestInfo requestInfo() {
        Class<?> resourceClass = null;
        Method resourceMethod = null;
        try {
            resourceClass = resourceInfo.getResourceClass();
            resourceMethod = resourceInfo.getResourceMethod();
        } catch (RuntimeException e) {
            // No resource matched (404/405): nothing to look up.
        }
        Locale subjectLocale = null;
        if (securityContext != null && securityContext.getUserPrincipal() instanceof DomusRest.SubjectPrincipal p) {
            subjectLocale = p.subject().locale();
        }
        return new RequestInfo(
                "/" + stripSlashes(uriInfo.getBaseUri().getPath()) + "/" + stripSlashes(uriInfo.getPath()),
                request.getMethod(),
                headers.getAcceptableLanguages(),
                subjectLocale,
                resourceClass,
                resourceMethod,
                uriInfo.getQueryParameters());
    }

    private static String stripSlashes(String path) {
        String result = path == null ? "" : path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
