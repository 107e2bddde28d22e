package org.domus.tickets.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.tickets.BuildingCode;
import org.domus.tickets.PublicTickets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/tickets/buildings/{buildingId}/public-code}: the code of a building's public form (office). */
@Component(service = BuildingCodeResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("tickets/buildings/{buildingId}/public-code")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The public form's code of a building, for the sticker in the lift (office)")
public class BuildingCodeResource {

    private final PublicTickets form;

    @Activate
    public BuildingCodeResource(@Reference PublicTickets form) {
        this.form = form;
    }

    @GET
    @Doc("The building's code (created on first ask); the form is at /api/tickets/public/{code}")
    public BuildingCode code(@Context SecurityContext security, @PathParam("buildingId") long buildingId) {
        return form.code(DomusRest.subject(security), buildingId);
    }

    @POST
    @Doc("Replace the building's code; the old one stops working")
    public BuildingCode rotate(@Context SecurityContext security, @PathParam("buildingId") long buildingId) {
        return form.rotateCode(DomusRest.subject(security), buildingId);
    }
}
