package org.domus.rest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.NoContentException;
import javax.ws.rs.core.Response;
import org.domus.core.DomusException;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.rest.Problem;
import org.domus.rest.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any exception into an RFC 9457 problem. The response never carries an exception message,
 * class name or stack trace: details come from translation keys only, and the full exception goes to the
 * server log under the problem's {@code errorId}.
 */
public final class ProblemMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    /** Value of {@code WWW-Authenticate} on every 401 of the application. */
    public static final String WWW_AUTHENTICATE = "Bearer realm=\"domus\"";

    static final String TYPE_PREFIX = "urn:domus:problem:";

    /**
     * The mapped result.
     *
     * @param problem the document to send, or null when {@code passThrough} is to be sent unchanged
     * @param headers extra response headers (Allow, WWW-Authenticate, Content-Language)
     * @param passThrough a response a resource built itself and threw inside a WebApplicationException
     */
    public record Mapped(Problem problem, Map<String, String> headers, Response passThrough) {}

    private ProblemMapping() {}

    public static Mapped map(Throwable thrown, RequestInfo request) {
        String errorId = UUID.randomUUID().toString();
        Locale locale = request.locale();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());

        if (thrown instanceof WebApplicationException wae && keepsOwnResponse(wae.getResponse())) {
            return new Mapped(null, Map.of(), wae.getResponse());
        }

        Optional<DomusException> domus = find(thrown, DomusException.class);
        if (domus.isPresent()) {
            return domain(domus.get(), thrown, request, locale, errorId, headers);
        }
        Optional<JsonProcessingException> json = find(thrown, JsonProcessingException.class);
        if (json.isPresent()) {
            log(400, errorId, request, thrown);
            return new Mapped(json(json.get(), request, locale, errorId), headers, null);
        }
        if (find(thrown, NoContentException.class).isPresent()) {
            log(400, errorId, request, thrown);
            return new Mapped(
                    problem(400, "about:blank", "error.json_missing_body", List.of(), request, locale, errorId, null),
                    headers,
                    null);
        }
        if (thrown instanceof WebApplicationException wae) {
            return http(wae, request, locale, errorId, headers);
        }
        log(500, errorId, request, thrown);
        return new Mapped(internal(request, locale, errorId), headers, null);
    }

    private static Mapped domain(
            DomusException e,
            Throwable thrown,
            RequestInfo request,
            Locale locale,
            String errorId,
            Map<String, String> headers) {
        int status = e.kind().status();
        log(status, errorId, request, thrown);
        List<Problem.FieldError> errors = null;
        if (e instanceof ValidationException validation) {
            errors = new ArrayList<>();
            for (ValidationException.Violation v : validation.violations()) {
                errors.add(new Problem.FieldError(
                        v.field(), translate(v.messageKey(), v.arguments(), locale, request), v.messageKey()));
            }
        }
        if (e instanceof InvalidFieldsException invalid) {
            errors = new ArrayList<>();
            for (FieldError v : invalid.errors()) {
                errors.add(new Problem.FieldError(
                        v.field(), translate(v.messageKey(), v.arguments(), locale, request), v.messageKey()));
            }
        }
        if (status == 401) {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
        }
        String key = e.messageKey();
        Problem problem = new Problem(
                TYPE_PREFIX + key,
                title(status, locale),
                status,
                translate(key, e.arguments(), locale, request),
                request.path(),
                errorId,
                key,
                errors);
        return new Mapped(problem, headers, null);
    }

    private static Problem json(JsonProcessingException e, RequestInfo request, Locale locale, String errorId) {
        JsonLocation location = e.getLocation();
        String line = location == null ? "?" : Integer.toString(location.getLineNr());
        String column = location == null ? "?" : Integer.toString(location.getColumnNr());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return problem(
                    400,
                    TYPE_PREFIX + "json",
                    "error.json_unknown_property",
                    List.of(path(unknown), line, column),
                    request,
                    locale,
                    errorId,
                    null);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem(
                    400,
                    TYPE_PREFIX + "json",
                    "error.json_invalid_value",
                    List.of(path(mapping), line, column),
                    request,
                    locale,
                    errorId,
                    null);
        }
        return problem(
                400,
                TYPE_PREFIX + "json",
                "error.malformed_json",
                List.of(line, column),
                request,
                locale,
                errorId,
                null);
    }

    private static Mapped http(
            WebApplicationException e,
            RequestInfo request,
            Locale locale,
            String errorId,
            Map<String, String> headers) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (original != null) {
            // Keep what the runtime told the client (Allow on 405, WWW-Authenticate, Retry-After...).
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                        && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                        && !values.isEmpty()) {
                    headers.put(name, String.join(", ", values));
                }
            });
        }
        log(status, errorId, request, e);
        if (status == 503) {
            return new Mapped(
                    problem(503, "about:blank", "error.unavailable", List.of(), request, locale, errorId, null),
                    headers,
                    null);
        }
        if (status >= 500) {
            return new Mapped(internal(request, locale, errorId), headers, null);
        }
        String key;
        List<Object> arguments = List.of();
        String type = "about:blank";
        switch (status) {
            case 404 -> {
                if (e.getCause() != null) {
                    // A path, query or matrix value that did not convert (JAX-RS says 404 for all three).
                    Optional<String> query =
                            ParamCheck.firstInvalidQueryParam(request.resourceMethod(), request.query());
                    if (query.isPresent()) {
                        return new Mapped(
                                problem(
                                        400,
                                        TYPE_PREFIX + "parameter",
                                        "error.invalid_parameter",
                                        List.of(query.get()),
                                        request,
                                        locale,
                                        errorId,
                                        null),
                                headers,
                                null);
                    }
                    key = "error.invalid_path";
                } else {
                    key = "error.not_found";
                }
            }
            case 400 -> key = "error.bad_request";
            case 401 -> {
                key = "error.unauthenticated";
                headers.put(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
            }
            case 403 -> key = "error.forbidden";
            case 405 -> {
                key = "error.method_not_allowed";
                arguments = List.of(String.valueOf(request.method()));
            }
            case 406 -> key = "error.not_acceptable";
            case 409 -> key = "error.conflict";
            case 415 -> key = "error.unsupported_media_type";
            default -> key = null;
        }
        String detail = key == null ? title(status, locale) : translate(key, arguments, locale, request);
        return new Mapped(
                new Problem(type, title(status, locale), status, detail, request.path(), errorId, key, null),
                headers,
                null);
    }

    private static Problem internal(RequestInfo request, Locale locale, String errorId) {
        return problem(500, "about:blank", "error.internal", List.of(errorId), request, locale, errorId, null);
    }

    private static Problem problem(
            int status,
            String type,
            String key,
            List<Object> arguments,
            RequestInfo request,
            Locale locale,
            String errorId,
            List<Problem.FieldError> errors) {
        return new Problem(
                type,
                title(status, locale),
                status,
                translate(key, arguments, locale, request),
                request.path(),
                errorId,
                key,
                errors);
    }

    /** Responses that a resource deliberately built (redirects, or an error with its own body). */
    private static boolean keepsOwnResponse(Response response) {
        return response != null && (response.getStatus() < 400 || response.hasEntity());
    }

    static String title(int status, Locale locale) {
        String key = "status." + status;
        String title = Messages.translate(key, List.of(), locale);
        return title.equals(key) ? Messages.translate("status.other", List.of(), locale) : title;
    }

    private static String translate(String key, List<Object> arguments, Locale locale, RequestInfo request) {
        ClassLoader module =
                request.resourceClass() == null ? null : request.resourceClass().getClassLoader();
        return Messages.translate(key, arguments, locale, module, DomusException.class.getClassLoader());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    /** The first throwable of the given type in the cause chain (runtimes wrap what resources throw). */
    static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            if (current.getCause() == current) {
                break;
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    /**
     * Server errors are logged at ERROR with the stack trace; client errors at DEBUG only, because a
     * scanner probing the API would otherwise fill the log with 401s and 404s.
     */
    private static void log(int status, String errorId, RequestInfo request, Throwable thrown) {
        if (status == 503) {
            LOG.warn(
                    "errorId={} {} {} answered 503: a required service is missing",
                    errorId,
                    request.method(),
                    request.path());
        } else if (status >= 500) {
            LOG.error("errorId={} {} {} failed with {}", errorId, request.method(), request.path(), status, thrown);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("errorId={} {} {} answered {}", errorId, request.method(), request.path(), status, thrown);
        }
    }
}
