package org.domus.rest.internal.registry;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.DomusException;
import org.domus.core.registry.Holding;
import org.domus.core.registry.RegistryService;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/me/units}: the units the signed-in person holds or lives in today. */
@Component(service = MyHomeResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("me/units")
@Produces(MediaType.APPLICATION_JSON)
@Doc("My home: the signed-in person's units with their co-holders")
public class MyHomeResource {

    private final RegistryService registry;

    @Activate
    public MyHomeResource(@Reference RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Doc("My current units with building and co-holders")
    public List<Holding> units(@Context SecurityContext security) {
        return registry.myUnits(DomusRest.subject(security));
    }

    @GET
    @Path("{id}")
    @Doc("One of my current units; any other unit is a 404")
    public Holding unit(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.myUnits(DomusRest.subject(security)).stream()
                .filter(h -> h.unit().id() == id)
                .findFirst()
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "registry.unit.not-found"));
    }
}
