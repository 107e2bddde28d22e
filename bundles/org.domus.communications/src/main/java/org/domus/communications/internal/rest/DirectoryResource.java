package org.domus.communications.internal.rest;

import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.communications.ContactDirectory;
import org.domus.communications.ContactScope;
import org.domus.communications.ContactsOfBuilding;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.Office;
import org.domus.communications.OpeningHours;
import org.domus.communications.StaffContact;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/communications/directory}: a resident's contacts per building ({@code mine}), and the staff's
 * offices, staff contacts and emergency numbers with optimistic versions.
 */
@Component(service = DirectoryResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("communications/directory")
@Produces(MediaType.APPLICATION_JSON)
@Doc("The contact directory: offices with opening hours, staff contacts, emergency numbers")
public class DirectoryResource {

    /**
     * An office. {@code scope} is {@code {"type": "ORGANISATION"|"ESTATE"|"BUILDING", "id": ...}}; hours are
     * {@code {"day": "MONDAY", "from": "08:00", "to": "12:00"}} (up to {@code 24:00}); {@code version} as read
     * when changing.
     */
    public record OfficeInput(
            ContactScope scope,
            String name,
            String address,
            String phone,
            String email,
            List<OpeningHours> hours,
            List<LocalDate> closedDays,
            String note,
            Long version) {}

    /** A staff contact: {@code role} is the public label; a phone or an e-mail is required. */
    public record StaffInput(
            ContactScope scope, String name, String role, String phone, String email, Long accountId, Long version) {}

    /** An emergency number; a building's number of a kind replaces wider ones of the kind for its residents. */
    public record EmergencyInput(
            ContactScope scope, EmergencyKind kind, String company, String phone, String note, Long version) {}

    private final ContactDirectory directory;

    @Activate
    public DirectoryResource(@Reference ContactDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("mine")
    @Doc("My contacts per building I hold a unit in: emergency numbers, offices open now or next, staff contacts")
    public List<ContactsOfBuilding> mine(@Context SecurityContext security) {
        return directory.mine(DomusRest.subject(security));
    }

    // ---- offices -----------------------------------------------------------------------------------

    @GET
    @Path("offices")
    @Doc("The organisation's offices that my staff scope reads")
    public List<Office> offices(@Context SecurityContext security, @QueryParam("organisationId") Long organisationId) {
        return directory.offices(DomusRest.subject(security), required(organisationId, "organisationId"));
    }

    @POST
    @Path("offices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add an office (`communications.directory` on its scope)", status = 201, response = Office.class)
    public Response addOffice(@Context SecurityContext security, @Context UriInfo uri, OfficeInput input) {
        OfficeInput in = DomusRest.requireBody(input);
        Office saved = directory.saveOffice(DomusRest.subject(security), office(0, in, 0));
        return DomusRest.created(uri, "communications/directory/offices/" + saved.id(), saved);
    }

    @GET
    @Path("offices/{officeId}")
    @Doc("One office")
    public Office office(@Context SecurityContext security, @PathParam("officeId") long officeId) {
        return directory.office(DomusRest.subject(security), officeId);
    }

    @PUT
    @Path("offices/{officeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change an office, its hours replaced (`version` as read; 409 when it changed since)")
    public Office updateOffice(
            @Context SecurityContext security, @PathParam("officeId") long officeId, OfficeInput input) {
        OfficeInput in = DomusRest.requireBody(input);
        return directory.saveOffice(
                DomusRest.subject(security), office(officeId, in, required(in.version(), "version")));
    }

    @DELETE
    @Path("offices/{officeId}")
    @Doc(value = "Remove an office (`?version=` as read)", status = 204)
    public Response deleteOffice(
            @Context SecurityContext security,
            @PathParam("officeId") long officeId,
            @QueryParam("version") Long version) {
        directory.deleteOffice(DomusRest.subject(security), officeId, required(version, "version"));
        return Response.noContent().build();
    }

    private static Office office(long id, OfficeInput in, long version) {
        return new Office(
                id,
                0,
                in.scope(),
                in.name(),
                in.address(),
                in.phone(),
                in.email(),
                in.hours(),
                in.closedDays(),
                in.note(),
                version);
    }

    // ---- staff contacts ----------------------------------------------------------------------------

    @GET
    @Path("staff")
    @Doc("The organisation's staff contacts that my staff scope reads")
    public List<StaffContact> staff(
            @Context SecurityContext security, @QueryParam("organisationId") Long organisationId) {
        return directory.staffContacts(DomusRest.subject(security), required(organisationId, "organisationId"));
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add a staff contact", status = 201, response = StaffContact.class)
    public Response addStaff(@Context SecurityContext security, @Context UriInfo uri, StaffInput input) {
        StaffInput in = DomusRest.requireBody(input);
        StaffContact saved = directory.saveStaffContact(DomusRest.subject(security), staff(0, in, 0));
        return DomusRest.created(uri, "communications/directory/staff/" + saved.id(), saved);
    }

    @GET
    @Path("staff/{contactId}")
    @Doc("One staff contact")
    public StaffContact staffContact(@Context SecurityContext security, @PathParam("contactId") long contactId) {
        return directory.staffContact(DomusRest.subject(security), contactId);
    }

    @PUT
    @Path("staff/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a staff contact (`version` as read)")
    public StaffContact updateStaff(
            @Context SecurityContext security, @PathParam("contactId") long contactId, StaffInput input) {
        StaffInput in = DomusRest.requireBody(input);
        return directory.saveStaffContact(
                DomusRest.subject(security), staff(contactId, in, required(in.version(), "version")));
    }

    @DELETE
    @Path("staff/{contactId}")
    @Doc(value = "Remove a staff contact (`?version=` as read)", status = 204)
    public Response deleteStaff(
            @Context SecurityContext security,
            @PathParam("contactId") long contactId,
            @QueryParam("version") Long version) {
        directory.deleteStaffContact(DomusRest.subject(security), contactId, required(version, "version"));
        return Response.noContent().build();
    }

    private static StaffContact staff(long id, StaffInput in, long version) {
        return new StaffContact(
                id, 0, in.scope(), in.name(), in.role(), in.phone(), in.email(), in.accountId(), version);
    }

    // ---- emergency numbers -------------------------------------------------------------------------

    @GET
    @Path("emergency")
    @Doc("The organisation's emergency numbers that my staff scope reads")
    public List<EmergencyContact> emergency(
            @Context SecurityContext security, @QueryParam("organisationId") Long organisationId) {
        return directory.emergencyContacts(DomusRest.subject(security), required(organisationId, "organisationId"));
    }

    @POST
    @Path("emergency")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add an emergency number", status = 201, response = EmergencyContact.class)
    public Response addEmergency(@Context SecurityContext security, @Context UriInfo uri, EmergencyInput input) {
        EmergencyInput in = DomusRest.requireBody(input);
        EmergencyContact saved = directory.saveEmergencyContact(DomusRest.subject(security), emergency(0, in, 0));
        return DomusRest.created(uri, "communications/directory/emergency/" + saved.id(), saved);
    }

    @GET
    @Path("emergency/{contactId}")
    @Doc("One emergency number")
    public EmergencyContact emergencyContact(
            @Context SecurityContext security, @PathParam("contactId") long contactId) {
        return directory.emergencyContact(DomusRest.subject(security), contactId);
    }

    @PUT
    @Path("emergency/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change an emergency number (`version` as read)")
    public EmergencyContact updateEmergency(
            @Context SecurityContext security, @PathParam("contactId") long contactId, EmergencyInput input) {
        EmergencyInput in = DomusRest.requireBody(input);
        return directory.saveEmergencyContact(
                DomusRest.subject(security), emergency(contactId, in, required(in.version(), "version")));
    }

    @DELETE
    @Path("emergency/{contactId}")
    @Doc(value = "Remove an emergency number (`?version=` as read)", status = 204)
    public Response deleteEmergency(
            @Context SecurityContext security,
            @PathParam("contactId") long contactId,
            @QueryParam("version") Long version) {
        directory.deleteEmergencyContact(DomusRest.subject(security), contactId, required(version, "version"));
        return Response.noContent().build();
    }

    private static EmergencyContact emergency(long id, EmergencyInput in, long version) {
        return new EmergencyContact(id, 0, in.scope(), in.kind(), in.company(), in.phone(), in.note(), version);
    }

    // ---- shared ------------------------------------------------------------------------------------

    private static long required(Long value, String field) {
        if (value == null) {
            throw ValidationException.builder()
                    .add(field, "validation.required")
                    .build();
        }
        return value;
    }
}
