package org.domus.rest.internal.registry;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
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
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitChange;
import org.domus.core.registry.UnitFilter;
import org.domus.core.registry.UnitSort;
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
 * {@code /api/registry}: the staff side of the registry. Access (scope, 403/404) is decided by the
 * registry service through the access policy; this class only maps HTTP to it.
 */
@Component(service = RegistryResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("registry")
@Produces(MediaType.APPLICATION_JSON)
@Doc(
        value = "The registry of estates, buildings, units, persons and tenures (staff)",
        description = "Lists contain only what is inside the caller's scope. An object outside it is a 403 for "
                + "staff and a 404 for everyone else. Changes send back the `version` they read; a stale "
                + "one is a 409.")
public class RegistryResource {

    /**
     * The end of a tenure.
     *
     * @param validTo the tenure's last day
     * @param version the version of the tenure that was read
     */
    public record TenureEnd(LocalDate validTo, long version) {}

    private final RegistryService registry;

    @Activate
    public RegistryResource(@Reference RegistryService registry) {
        this.registry = registry;
    }

    private static Subject who(SecurityContext security) {
        return DomusRest.subject(security);
    }

    private static Response created(UriInfo uri, long id, Object entity) {
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(id)).build();
        return Response.created(location)
                .type(MediaType.APPLICATION_JSON)
                .entity(entity)
                .build();
    }

    // ---- organisations and estates ----

    @GET
    @Path("organisations")
    @Doc("Organisations in which the caller sees anything")
    public List<Organisation> organisations(@Context SecurityContext security) {
        return registry.organisations(who(security));
    }

    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Create an organisation (administrators)", status = 201, response = Organisation.class)
    public Response createOrganisation(@Context SecurityContext security, @Context UriInfo uri, Organisation input) {
        Organisation o = registry.createOrganisation(who(security), DomusRest.requireBody(input));
        return created(uri, o.id(), o);
    }

    @GET
    @Path("organisations/{id}")
    @Doc("One organisation with its bank details")
    public Organisation organisation(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.organisation(who(security), id);
    }

    @PUT
    @Path("organisations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change an organisation and its bank details: IBAN (country length and mod-97 checksum), BIC, account "
            + "name, tax id (a Polish NIP with its check digit) (administrators)")
    public Organisation updateOrganisation(
            @Context SecurityContext security, @PathParam("id") long id, Organisation input) {
        Organisation o = DomusRest.requireBody(input);
        return registry.updateOrganisation(
                who(security),
                new Organisation(
                        id,
                        o.name(),
                        o.registrationNumber(),
                        o.country(),
                        o.currency(),
                        o.iban(),
                        o.bic(),
                        o.accountName(),
                        o.taxId(),
                        o.version()));
    }

    @GET
    @Path("estates")
    @Doc("Estates in scope, by name")
    public Page<Estate> estates(
            @Context SecurityContext security,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit);
        return registry.estates(who(security), offset, limit);
    }

    @GET
    @Path("estates/{id}")
    @Doc("One estate")
    public Estate estate(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.estate(who(security), id);
    }

    @POST
    @Path("estates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Create an estate", status = 201, response = Estate.class)
    public Response createEstate(@Context SecurityContext security, @Context UriInfo uri, Estate input) {
        Estate e = registry.createEstate(who(security), DomusRest.requireBody(input));
        return created(uri, e.id(), e);
    }

    @PUT
    @Path("estates/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change an estate")
    public Estate updateEstate(@Context SecurityContext security, @PathParam("id") long id, Estate input) {
        Estate e = DomusRest.requireBody(input);
        return registry.updateEstate(who(security), new Estate(id, e.organisationId(), e.name(), e.version()));
    }

    // ---- buildings ----

    @GET
    @Path("buildings")
    @Doc("Buildings in scope, by street and number")
    public Page<Building> buildings(
            @Context SecurityContext security,
            @QueryParam("estate") Long estate,
            @QueryParam("street") String street,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit);
        return registry.buildings(who(security), new BuildingFilter(estate, street), offset, limit);
    }

    @GET
    @Path("buildings/{id}")
    @Doc("One building")
    public Building building(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.building(who(security), id);
    }

    @POST
    @Path("buildings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Create a building", status = 201, response = Building.class)
    public Response createBuilding(@Context SecurityContext security, @Context UriInfo uri, Building input) {
        Building b = registry.createBuilding(who(security), DomusRest.requireBody(input));
        return created(uri, b.id(), b);
    }

    @PUT
    @Path("buildings/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a building")
    public Building updateBuilding(@Context SecurityContext security, @PathParam("id") long id, Building input) {
        Building b = DomusRest.requireBody(input);
        return registry.updateBuilding(
                who(security),
                new Building(
                        id,
                        b.estateId(),
                        b.street(),
                        b.number(),
                        b.city(),
                        b.postcode(),
                        b.country(),
                        b.latitude(),
                        b.longitude(),
                        b.version()));
    }

    // ---- units ----

    @GET
    @Path("units")
    @Doc(
            value = "Units in scope",
            description = "Ordered by street, house number and unit number unless `sort` says otherwise: one of "
                    + "`address`, `number`, `kind`, `floor`, `area`, `state`, with a leading `-` for descending "
                    + "(ties keep the address order). `street` and `number` match the beginning, `person` any part "
                    + "of a holder's name.")
    public Page<Unit> units(
            @Context SecurityContext security,
            @QueryParam("estate") Long estate,
            @QueryParam("building") Long building,
            @QueryParam("street") String street,
            @QueryParam("number") String number,
            @QueryParam("person") String person,
            @QueryParam("sort") @DefaultValue("address") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit);
        UnitSort order;
        try {
            order = UnitSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw ValidationException.builder()
                    .add("sort", "validation.one-of", "address, number, kind, floor, area, state (- for descending)")
                    .build();
        }
        return registry.units(
                who(security), new UnitFilter(estate, building, street, number, person), order, offset, limit);
    }

    @GET
    @Path("units/{id}")
    @Doc("One unit")
    public Unit unit(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.unit(who(security), id);
    }

    @POST
    @Path("units")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Create a unit",
            status = 201,
            response = Unit.class,
            description = "The shares of a building's units may sum to at most 1.")
    public Response createUnit(@Context SecurityContext security, @Context UriInfo uri, Unit input) {
        Unit u = registry.createUnit(who(security), DomusRest.requireBody(input));
        return created(uri, u.id(), u);
    }

    @PUT
    @Path("units/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a unit")
    public Unit updateUnit(@Context SecurityContext security, @PathParam("id") long id, Unit input) {
        Unit u = DomusRest.requireBody(input);
        return registry.updateUnit(
                who(security),
                new Unit(
                        id,
                        u.buildingId(),
                        u.number(),
                        u.kind(),
                        u.floor(),
                        u.staircase(),
                        u.area(),
                        u.rooms(),
                        u.equipment(),
                        u.share(),
                        u.legalForm(),
                        u.state(),
                        u.rent(),
                        u.variableSymbol(),
                        u.virtualAccount(),
                        u.version()));
    }

    @GET
    @Path("units/{id}/history")
    @Doc("Changes of a unit and its tenures, newest first")
    public Page<UnitChange> history(
            @Context SecurityContext security,
            @PathParam("id") long id,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit);
        return registry.history(who(security), id, offset, limit);
    }

    @GET
    @Path("units/{id}/tenures")
    @Doc("Every tenure of a unit, current and former")
    public List<Tenure> unitTenures(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.tenuresOfUnit(who(security), id);
    }

    // ---- persons ----

    @GET
    @Path("persons")
    @Doc("Persons in scope, by name")
    public Page<Person> persons(
            @Context SecurityContext security,
            @QueryParam("name") String name,
            @QueryParam("unit") Long unit,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit);
        return registry.persons(who(security), new PersonFilter(name, unit), offset, limit);
    }

    @GET
    @Path("persons/{id}")
    @Doc("One person")
    public Person person(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.person(who(security), id);
    }

    @POST
    @Path("persons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Create a person", status = 201, response = Person.class)
    public Response createPerson(@Context SecurityContext security, @Context UriInfo uri, Person input) {
        Person p = registry.createPerson(who(security), DomusRest.requireBody(input));
        return created(uri, p.id(), p);
    }

    @PUT
    @Path("persons/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a person")
    public Person updatePerson(@Context SecurityContext security, @PathParam("id") long id, Person input) {
        Person p = DomusRest.requireBody(input);
        return registry.updatePerson(
                who(security),
                new Person(
                        id,
                        p.organisationId(),
                        p.kind(),
                        p.firstName(),
                        p.lastName(),
                        p.companyName(),
                        p.registrationNumber(),
                        p.email(),
                        p.phone(),
                        p.address(),
                        p.bankAccount(),
                        p.accountId(),
                        p.version()));
    }

    @GET
    @Path("persons/{id}/tenures")
    @Doc("A person's tenures of units in scope")
    public List<Tenure> personTenures(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.tenuresOfPerson(who(security), id);
    }

    // ---- tenures ----

    @GET
    @Path("tenures/{id}")
    @Doc("One tenure")
    public Tenure tenure(@Context SecurityContext security, @PathParam("id") long id) {
        return registry.tenure(who(security), id);
    }

    @POST
    @Path("tenures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add a tenure", status = 201, response = Tenure.class)
    public Response createTenure(@Context SecurityContext security, @Context UriInfo uri, Tenure input) {
        Tenure t = registry.createTenure(who(security), DomusRest.requireBody(input));
        return created(uri, t.id(), t);
    }

    @POST
    @Path("tenures/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "End a tenure",
            description = "Sets its last day; tenures are never deleted, so the unit's history stays complete.")
    public Tenure endTenure(@Context SecurityContext security, @PathParam("id") long id, TenureEnd input) {
        TenureEnd end = DomusRest.requireBody(input);
        return registry.endTenure(who(security), id, end.validTo(), end.version());
    }
}
