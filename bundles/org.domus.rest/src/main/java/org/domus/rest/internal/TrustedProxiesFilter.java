package org.domus.rest.internal;

import java.util.Arrays;
import java.util.List;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import org.domus.rest.ClientAddress;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Hands the configured trusted reverse proxies to {@link ClientAddress} on every request of the Domus
 * application, as a request attribute, so that the helper stays a plain static call for resources.
 */
@Component(
        service = ContainerRequestFilter.class,
        configurationPid = TrustedProxiesFilter.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TrustedProxiesFilter.Config.class)
@JaxrsExtension
@JaxrsName("domus.trusted-proxies")
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class TrustedProxiesFilter implements ContainerRequestFilter {

    static final String PID = "org.domus.rest";

    @ObjectClassDefinition(name = "Domus REST", description = "Settings of the /api application")
    public @interface Config {
        @AttributeDefinition(
                description = "Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For header is"
                        + " believed; empty: the client is the connection's remote address")
        String[] trustedProxies() default {};
    }

    private final List<String> trustedProxies;

    @Context
    private HttpServletRequest request;

    @Activate
    public TrustedProxiesFilter(Config config) {
        this.trustedProxies = config.trustedProxies() == null
                ? List.of()
                : Arrays.stream(config.trustedProxies())
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .toList();
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (request != null) {
            request.setAttribute(ClientAddress.TRUSTED_PROXIES_ATTRIBUTE, trustedProxies);
        }
    }
}
