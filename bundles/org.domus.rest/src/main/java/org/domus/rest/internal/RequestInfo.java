package org.domus.rest.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the problem mapping needs to know about the failed request, taken out of the JAX-RS contexts so
 * that the mapping can be unit-tested without a container.
 *
 * @param path request path including the application base, e.g. {@code /api/me}
 * @param method HTTP method
 * @param languages the client's Accept-Language, most preferred first
 * @param subjectLocale language of the signed-in account, or null
 * @param resourceClass matched resource class, or null when no resource matched
 * @param resourceMethod matched resource method, or null
 * @param query raw query parameters
 */
public record RequestInfo(
        String path,
        String method,
        List<Locale> languages,
        Locale subjectLocale,
        Class<?> resourceClass,
        Method resourceMethod,
        Map<String, List<String>> query) {

    public RequestInfo {
        languages = languages == null ? List.of() : List.copyOf(languages);
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** The language of this request's messages. */
    public Locale locale() {
        return Messages.negotiate(languages, subjectLocale);
    }
}
