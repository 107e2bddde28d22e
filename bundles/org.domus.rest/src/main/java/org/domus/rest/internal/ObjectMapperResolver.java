package org.domus.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import javax.ws.rs.ext.ContextResolver;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Hands our {@link ObjectMapper} to the Aries Jackson provider: it creates a bare
 * {@code JacksonJsonProvider} without configuration, which asks the application's
 * {@code ContextResolver<ObjectMapper>} for a mapper before falling back to its own.
 */
@Component(service = ContextResolver.class)
@JaxrsExtension
@JaxrsName("domus.json")
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
public class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JsonSupport.createMapper();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
