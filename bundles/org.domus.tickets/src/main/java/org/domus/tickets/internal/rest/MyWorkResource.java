package org.domus.tickets.internal.rest;

import java.math.BigDecimal;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/tickets/workers/me}: the signed-in contractor's worker records and position. */
@Component(service = MyWorkResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("tickets/workers/me")
@Produces(MediaType.APPLICATION_JSON)
@Doc("My worker records as a contractor or technician")
public class MyWorkResource {

    /** A WGS 84 position. */
    public record Position(BigDecimal latitude, BigDecimal longitude) {}

    private final ContractorService contractors;

    @Activate
    public MyWorkResource(@Reference ContractorService contractors) {
        this.contractors = contractors;
    }

    @GET
    @Doc("The worker records linked to my account (one per company I work for)")
    public List<ContractorWorker> me(@Context SecurityContext security) {
        return contractors.me(DomusRest.subject(security));
    }

    @PUT
    @Path("position")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Report my current position",
            description = "Stored only on the worker records that share their position (managers see it on the "
                    + "map when assigning work); 404 when my account is no worker.")
    public List<ContractorWorker> position(@Context SecurityContext security, Position input) {
        Position in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.latitude() == null) {
            errors.add("latitude", "validation.required");
        }
        if (in.longitude() == null) {
            errors.add("longitude", "validation.required");
        }
        errors.throwIfAny();
        return contractors.reportPosition(DomusRest.subject(security), in.latitude(), in.longitude());
    }
}
