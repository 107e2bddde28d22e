package org.domus.rest.internal.openapi;

import static org.domus.rest.internal.openapi.SchemaGenerator.map;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.domus.core.account.SessionService;
import org.domus.rest.Doc;
import org.domus.rest.Problem;
import org.domus.rest.Public;

/**
 * Builds the OpenAPI 3.0.3 document of the {@code domus} application from the resources registered right
 * now. The whiteboard's runtime DTO says which operations exist (so the document follows bundles coming
 * and going); reflection on the resource classes adds parameters, bodies, schemas and {@link Doc} texts.
 * Stateless apart from the schemas it collects: use one instance per document.
 */
public final class OpenApiGenerator {

    /**
     * One operation as the JAX-RS runtime reports it.
     *
     * @param httpMethod e.g. {@code GET}
     * @param path path relative to the application base, with or without a leading slash
     * @param consumes media types from the runtime, may be empty
     * @param produces media types from the runtime, may be empty
     */
    public record Endpoint(String httpMethod, String path, List<String> consumes, List<String> produces) {}

    /**
     * A registered resource.
     *
     * @param type the resource class, or null when it could not be looked up
     * @param endpoints the runtime's operations for it, or null to document every operation of the class
     */
    public record Resource(Class<?> type, List<Endpoint> endpoints) {}

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}");
    private static final String JSON = MediaType.APPLICATION_JSON;

    private final SchemaGenerator schemas = new SchemaGenerator();
    private final Set<String> operationIds = new HashSet<>();
    private final Map<String, String> tagDescriptions = new TreeMap<>();

    /** Reflected facts about one Java resource method. */
    private record Operation(String httpMethod, String path, Method method, Class<?> type) {}

    public Map<String, Object> generate(String version, List<Resource> resources) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Resource resource : resources) {
            Map<String, Operation> reflected = resource.type() == null ? Map.of() : reflect(resource.type());
            if (resource.endpoints() == null) {
                for (Operation operation : reflected.values()) {
                    add(paths, operation.path(), operation.httpMethod(), operation(operation, null));
                }
                continue;
            }
            for (Endpoint endpoint : resource.endpoints()) {
                if (endpoint.httpMethod() == null) {
                    continue; // sub-resource locator: its operations are not known statically
                }
                String path = normalize(endpoint.path());
                String httpMethod = endpoint.httpMethod().toUpperCase(Locale.ROOT);
                Operation operation = reflected.get(httpMethod + " " + path);
                Map<String, Object> document =
                        operation != null ? operation(operation, endpoint) : bare(httpMethod, path, endpoint);
                add(paths, path, httpMethod, document);
            }
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put(
                "info",
                map(
                        "title",
                        "Domus API",
                        "version",
                        version,
                        "description",
                        "REST API of Domus. Authenticate with a personal access token "
                                + "(`Authorization: Bearer domus_pat_...`, created at POST /me/tokens) or the web UI's "
                                + "session cookie; cookie-authenticated POST, PUT, PATCH and DELETE also need "
                                + "`X-Requested-With: XMLHttpRequest` or a same-origin `Origin`. Errors are RFC 9457 "
                                + "problem documents (`application/problem+json`) translated by `Accept-Language` "
                                + "(en, pl, cs, ro)."));
        document.put("servers", List.of(map("url", "/api")));
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Map.Entry<String, String> tag : tagDescriptions.entrySet()) {
            Map<String, Object> entry = map("name", tag.getKey());
            if (tag.getValue() != null) {
                entry.put("description", tag.getValue());
            }
            tags.add(entry);
        }
        document.put("tags", tags);
        document.put("security", List.of(map("bearerAuth", List.of()), map("sessionCookie", List.of())));
        document.put("paths", paths);
        schemas.schema(Problem.class);
        document.put(
                "components",
                map(
                        "schemas", schemas.components(),
                        "responses", errorResponses(),
                        "securitySchemes",
                                map(
                                        "bearerAuth",
                                                map(
                                                        "type",
                                                        "http",
                                                        "scheme",
                                                        "bearer",
                                                        "description",
                                                        "Personal access token (domus_pat_...)"),
                                        "sessionCookie",
                                                map(
                                                        "type",
                                                        "apiKey",
                                                        "in",
                                                        "cookie",
                                                        "name",
                                                        SessionService.COOKIE,
                                                        "description",
                                                        "Session of the web UI"))));
        return document;
    }

    private static void add(
            Map<String, Map<String, Object>> paths, String path, String method, Map<String, Object> op) {
        paths.computeIfAbsent(path, p -> new TreeMap<>()).put(method.toLowerCase(Locale.ROOT), op);
    }

    /** Every HTTP operation of a resource class, keyed by "METHOD /normalized/path". */
    Map<String, Operation> reflect(Class<?> type) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        Path classPath = findAnnotation(type, Path.class);
        Method[] methods = type.getMethods();
        Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
        for (Method method : methods) {
            Method annotated = annotatedMethod(method);
            if (annotated == null) {
                continue;
            }
            String httpMethod = httpMethod(annotated);
            if (httpMethod == null) {
                continue;
            }
            Path methodPath = annotated.getAnnotation(Path.class);
            String path = normalize((classPath == null ? "" : classPath.value()) + "/"
                    + (methodPath == null ? "" : methodPath.value()));
            operations.putIfAbsent(httpMethod + " " + path, new Operation(httpMethod, path, annotated, type));
        }
        return operations;
    }

    private Map<String, Object> operation(Operation op, Endpoint endpoint) {
        Method method = op.method();
        boolean open = method.isAnnotationPresent(Public.class) || findAnnotation(op.type(), Public.class) != null;
        Map<String, Object> document = new LinkedHashMap<>();
        String tag = tag(op.path());
        document.put("tags", List.of(tag));
        Doc typeDoc = findAnnotation(op.type(), Doc.class);
        tagDescriptions.merge(tag, typeDoc == null ? "" : typeDoc.value(), (a, b) -> a.isEmpty() ? b : a);
        Doc doc = method.getAnnotation(Doc.class);
        if (doc != null) {
            document.put("summary", doc.value());
            if (!doc.description().isEmpty()) {
                document.put("description", doc.description());
            }
        }
        document.put("operationId", operationId(method.getName()));

        List<Map<String, Object>> parameters = new ArrayList<>();
        Set<String> declaredPathParams = new HashSet<>();
        Type body = null;
        for (Parameter parameter : method.getParameters()) {
            if (isInjected(parameter)) {
                continue;
            }
            Map<String, Object> described = parameter(parameter, declaredPathParams);
            if (described != null) {
                parameters.add(described);
            } else if (!hasAny(parameter, FormParam.class, BeanParam.class, MatrixParam.class)) {
                body = parameter.getParameterizedType();
            }
        }
        for (String name : templateNames(op.path())) {
            if (!declaredPathParams.contains(name)) {
                // Declared on a field or the class: still required by OpenAPI for a valid document.
                parameters.add(0, map("name", name, "in", "path", "required", true, "schema", map("type", "string")));
                declaredPathParams.add(name);
            }
        }
        if (!parameters.isEmpty()) {
            document.put("parameters", parameters);
        }
        if (body != null) {
            List<String> consumes = mediaTypes(
                    endpoint == null ? null : endpoint.consumes(),
                    method.getAnnotation(Consumes.class),
                    findAnnotation(op.type(), Consumes.class));
            Map<String, Object> content = new LinkedHashMap<>();
            Map<String, Object> schema = schemas.schema(body);
            for (String mediaType : consumes) {
                content.put(mediaType, map("schema", schema));
            }
            document.put("requestBody", map("required", true, "content", content));
        }

        List<String> produces = mediaTypes(
                endpoint == null ? null : endpoint.produces(),
                method.getAnnotation(Produces.class),
                findAnnotation(op.type(), Produces.class));
        Map<String, Object> responses = new LinkedHashMap<>();
        Type responseType = responseType(method, doc);
        int status = doc != null && doc.status() > 0 ? doc.status() : responseType == void.class ? 204 : 200;
        Map<String, Object> success = map("description", statusDescription(status));
        if (responseType != void.class && responseType != null) {
            Map<String, Object> content = new LinkedHashMap<>();
            for (String mediaType : produces) {
                Map<String, Object> schema = isJson(mediaType) ? schemas.schema(responseType) : map("type", "string");
                content.put(mediaType, map("schema", schema));
            }
            success.put("content", content);
        }
        responses.put(Integer.toString(status), success);
        if (body != null || !parameters.isEmpty()) {
            responses.put("400", ref("BadRequest"));
        }
        if (!open) {
            responses.put("401", ref("Unauthorized"));
            responses.put("403", ref("Forbidden"));
        }
        if (!declaredPathParams.isEmpty()) {
            responses.put("404", ref("NotFound"));
        }
        if (body != null) {
            responses.put("422", ref("Unprocessable"));
        }
        responses.put("default", ref("Error"));
        document.put("responses", responses);
        if (open) {
            document.put("security", List.of());
        }
        if (method.isAnnotationPresent(Deprecated.class)) {
            document.put("deprecated", true);
        }
        return document;
    }

    /** An operation the runtime lists but whose class we could not inspect. */
    private Map<String, Object> bare(String httpMethod, String path, Endpoint endpoint) {
        String tag = tag(path);
        tagDescriptions.putIfAbsent(tag, "");
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String name : templateNames(path)) {
            parameters.add(map("name", name, "in", "path", "required", true, "schema", map("type", "string")));
        }
        Map<String, Object> document =
                map("tags", List.of(tag), "operationId", operationId(httpMethod.toLowerCase(Locale.ROOT) + "_" + tag));
        if (!parameters.isEmpty()) {
            document.put("parameters", parameters);
        }
        document.put("responses", map("200", map("description", "OK"), "default", ref("Error")));
        return document;
    }

    private Map<String, Object> parameter(Parameter parameter, Set<String> pathParams) {
        String in;
        String name;
        boolean required;
        if (parameter.isAnnotationPresent(PathParam.class)) {
            in = "path";
            name = parameter.getAnnotation(PathParam.class).value();
            required = true;
            pathParams.add(name);
        } else if (parameter.isAnnotationPresent(QueryParam.class)) {
            in = "query";
            name = parameter.getAnnotation(QueryParam.class).value();
            required = false;
        } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
            in = "header";
            name = parameter.getAnnotation(HeaderParam.class).value();
            required = false;
        } else if (parameter.isAnnotationPresent(CookieParam.class)) {
            in = "cookie";
            name = parameter.getAnnotation(CookieParam.class).value();
            required = false;
        } else {
            return null;
        }
        Map<String, Object> schema = new LinkedHashMap<>(schemas.schema(parameter.getParameterizedType()));
        DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
        if (defaultValue != null && !schema.containsKey("$ref")) {
            schema.put("default", defaultValue.value());
        }
        Map<String, Object> described = map("name", name, "in", in, "required", required, "schema", schema);
        Doc doc = parameter.getAnnotation(Doc.class);
        if (doc != null) {
            described.put("description", doc.value());
        }
        return described;
    }

    private static Type responseType(Method method, Doc doc) {
        if (doc != null && doc.response() != Void.class) {
            if (doc.responseIsList()) {
                return new ListOf(doc.response());
            }
            return doc.response();
        }
        Class<?> returned = method.getReturnType();
        if (returned == void.class || returned == Void.class) {
            return void.class;
        }
        if (returned == Response.class) {
            return null; // unknown body: documented without a schema
        }
        return method.getGenericReturnType();
    }

    private static List<String> mediaTypes(List<String> fromRuntime, Annotation onMethod, Annotation onClass) {
        Set<String> result = new LinkedHashSet<>();
        if (fromRuntime != null) {
            for (String type : fromRuntime) {
                if (type != null && !type.isBlank() && !type.equals(MediaType.WILDCARD)) {
                    result.add(type);
                }
            }
        }
        if (result.isEmpty()) {
            String[] values = onMethod instanceof Consumes c
                    ? c.value()
                    : onMethod instanceof Produces p
                            ? p.value()
                            : onClass instanceof Consumes c2
                                    ? c2.value()
                                    : onClass instanceof Produces p2 ? p2.value() : new String[0];
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank() && !part.trim().equals(MediaType.WILDCARD)) {
                        result.add(part.trim());
                    }
                }
            }
        }
        if (result.isEmpty()) {
            result.add(JSON);
        }
        return new ArrayList<>(result);
    }

    private static boolean isJson(String mediaType) {
        String base = mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return base.equals(JSON) || base.endsWith("+json");
    }

    private static Map<String, Object> errorResponses() {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("BadRequest", problemResponse("Malformed JSON or an invalid parameter value"));
        responses.put(
                "Unauthorized",
                problemResponse("Not authenticated, or the token or session is invalid, expired or revoked"));
        responses.put(
                "Forbidden", problemResponse("Not allowed, or a cookie-authenticated request failed the CSRF check"));
        responses.put("NotFound", problemResponse("No such object, or one the caller may not see"));
        responses.put("Unprocessable", problemResponse("Validation failed; `errors` lists the fields"));
        responses.put("Error", problemResponse("Any other error, as a problem document"));
        return responses;
    }

    private static Map<String, Object> problemResponse(String description) {
        return map(
                "description",
                description,
                "content",
                map("application/problem+json", map("schema", map("$ref", "#/components/schemas/Problem"))));
    }

    private static Map<String, Object> ref(String response) {
        return map("$ref", "#/components/responses/" + response);
    }

    private String operationId(String base) {
        String id = base;
        for (int i = 2; !operationIds.add(id); i++) {
            id = base + i;
        }
        return id;
    }

    private static String statusDescription(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            default -> "Success";
        };
    }

    /** The tag of a path: its first segment, which is the module id for module resources. */
    static String tag(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
        return first.isEmpty() || first.startsWith("{") ? "default" : first;
    }

    /** "/a//b/{id : \\d+}/" becomes "/a/b/{id}". */
    static String normalize(String path) {
        Matcher matcher = TEMPLATE.matcher(path == null ? "" : path);
        String plain = matcher.replaceAll("{$1}");
        StringBuilder result = new StringBuilder();
        for (String segment : plain.split("/")) {
            if (!segment.isEmpty()) {
                result.append('/').append(segment);
            }
        }
        return result.length() == 0 ? "/" : result.toString();
    }

    private static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static boolean isInjected(Parameter parameter) {
        return parameter.isAnnotationPresent(Context.class)
                || parameter.isAnnotationPresent(Suspended.class)
                || parameter.getType() == AsyncResponse.class;
    }

    @SafeVarargs
    private static boolean hasAny(Parameter parameter, Class<? extends Annotation>... types) {
        for (Class<? extends Annotation> type : types) {
            if (parameter.isAnnotationPresent(type)) {
                return true;
            }
        }
        return false;
    }

    /** The method itself or the interface/superclass method carrying the JAX-RS annotations. */
    private static Method annotatedMethod(Method method) {
        if (httpMethod(method) != null || method.isAnnotationPresent(Path.class)) {
            return method;
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> candidate : withInterfaces(type)) {
                try {
                    Method inherited = candidate.getMethod(method.getName(), method.getParameterTypes());
                    if (httpMethod(inherited) != null) {
                        return inherited;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared there
                }
            }
        }
        return null;
    }

    private static List<Class<?>> withInterfaces(Class<?> type) {
        List<Class<?>> result = new ArrayList<>();
        result.add(type);
        result.addAll(Arrays.asList(type.getInterfaces()));
        return result;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> A findAnnotation(Class<?> type, Class<A> annotation) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            A found = current.getAnnotation(annotation);
            if (found != null) {
                return found;
            }
            for (Class<?> implemented : current.getInterfaces()) {
                found = implemented.getAnnotation(annotation);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@code List<T>} for {@link Doc#responseIsList()}. */
    private record ListOf(Class<?> element) implements java.lang.reflect.ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {element};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
