package org.domus.rest.internal;

import javax.ws.rs.core.Application;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JAX-RS application of Domus at {@code /api}. It has no classes of its own: resources,
 * filters and mappers join it through the whiteboard.
 *
 * <p>The application requires the authentication filter and the problem mapper: the whiteboard does not
 * start it before both are registered, so no resource is ever served unauthenticated or with a raw error
 * page, whatever order bundles start in.
 */
@Component(service = Application.class)
@JaxrsApplicationBase(DomusRest.APPLICATION_BASE)
@JaxrsName(DomusRest.APPLICATION_NAME)
@JaxrsExtensionSelect({
    "(" + "osgi.jaxrs.name=" + AuthenticationFilter.NAME + ")",
    "(" + "osgi.jaxrs.name=" + ProblemExceptionMapper.NAME + ")"
})
public class DomusApplication extends Application {}
