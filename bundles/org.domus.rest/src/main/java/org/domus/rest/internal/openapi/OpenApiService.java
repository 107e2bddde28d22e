package org.domus.rest.internal.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.domus.rest.DomusRest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the OpenAPI document of the {@code domus} application as it is right now. The list of
 * resources and operations comes from the whiteboard's runtime DTO, which is what the runtime actually
 * serves (a resource whose required extension is missing is left out, as it should be); the resource
 * classes are looked up by the DTO's service id for the details only reflection can give.
 */
@Component(service = OpenApiService.class)
public class OpenApiService {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiService.class);

    private final BundleContext context;
    private final String version;
    // Service id -> resource class; ids are never reused, entries of departed services are pruned.
    private final Map<Long, Class<?>> classes = new ConcurrentHashMap<>();

    // Optional and dynamic: the document must survive a restart of the whiteboard (it is then empty).
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JaxrsServiceRuntime runtime;

    @Activate
    public OpenApiService(BundleContext context) {
        this.context = context;
        this.version = context.getBundle().getVersion().toString();
    }

    /** A fresh document; cheap enough (milliseconds) to build per request. */
    public Map<String, Object> document() {
        List<OpenApiGenerator.Resource> resources = new ArrayList<>();
        JaxrsServiceRuntime current = runtime;
        if (current != null) {
            RuntimeDTO dto = current.getRuntimeDTO();
            Set<Long> seen = new HashSet<>();
            for (ApplicationDTO application : dto.applicationDTOs) {
                if (!DomusRest.APPLICATION_NAME.equals(application.name)) {
                    continue;
                }
                for (ResourceDTO resource : application.resourceDTOs) {
                    seen.add(resource.serviceId);
                    resources.add(new OpenApiGenerator.Resource(classOf(resource.serviceId), endpoints(resource)));
                }
            }
            classes.keySet().retainAll(seen);
        }
        return new OpenApiGenerator().generate(version, resources);
    }

    private static List<OpenApiGenerator.Endpoint> endpoints(ResourceDTO resource) {
        List<OpenApiGenerator.Endpoint> endpoints = new ArrayList<>();
        if (resource.resourceMethods != null) {
            for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                endpoints.add(new OpenApiGenerator.Endpoint(
                        method.method, method.path, list(method.consumingMimeType), list(method.producingMimeType)));
            }
        }
        return endpoints;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private Class<?> classOf(long serviceId) {
        Class<?> known = classes.get(serviceId);
        if (known != null) {
            return known;
        }
        try {
            ServiceReference<?>[] references =
                    context.getServiceReferences((String) null, "(" + Constants.SERVICE_ID + "=" + serviceId + ")");
            if (references == null || references.length == 0) {
                return null;
            }
            ServiceObjects<?> objects = context.getServiceObjects(references[0]);
            Object service = objects == null ? null : objects.getService();
            if (service == null) {
                return null;
            }
            try {
                Class<?> type = service.getClass();
                classes.put(serviceId, type);
                return type;
            } finally {
                ungetService(objects, service);
            }
        } catch (InvalidSyntaxException | RuntimeException e) {
            LOG.debug("resource service {} could not be inspected for OpenAPI", serviceId, e);
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void ungetService(ServiceObjects<S> objects, Object service) {
        objects.ungetService((S) service);
    }
}
