package org.domus.ledger.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.ChargeService;
import org.domus.ledger.Exemption;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.RateLevel;
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
 * {@code /api/ledger/components/{componentId}/...}: one charge component with its rates and exemptions,
 * for staff. Reading needs {@code ledger.read} on the component's organisation; changes need
 * {@code ledger.billing} there (the service also checks the rate's or exemption's own scope).
 */
@Component(service = ComponentResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/components/{componentId}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("A charge component, its rates and exemptions (staff)")
public class ComponentResource {

    /** The changeable part of a component; {@code version} as read (409 when someone changed it since). */
    public record ComponentChange(String name, Integer priority, Boolean active, Long version) {}

    /**
     * A new rate.
     *
     * @param level ORGANISATION, ESTATE, BUILDING or UNIT
     * @param scopeId the organisation's, estate's, building's or unit's id
     * @param amount per m², per person, per unit, the fixed amount or the building's monthly total, by the
     *     component's basis; at most four decimals
     * @param validFrom first day
     * @param validTo last day, open when absent
     */
    public record RateInput(RateLevel level, Long scopeId, BigDecimal amount, LocalDate validFrom, LocalDate validTo) {}

    /** A unit exempted from the component from {@code validFrom} to {@code validTo} (open when absent). */
    public record ExemptionInput(Long unitId, LocalDate validFrom, LocalDate validTo, String reason) {}

    private final ChargeService charges;
    private final LedgerWrites writes;

    @Activate
    public ComponentResource(@Reference ChargeService charges, @Reference AccessPolicy policy) {
        this.charges = charges;
        this.writes = new LedgerWrites(policy);
    }

    @GET
    @Doc("One charge component")
    public ChargeComponent component(@Context SecurityContext security, @PathParam("componentId") long componentId) {
        Subject staff = DomusRest.subject(security);
        check(staff, LedgerPermissions.READ, componentId);
        return charges.component(staff, componentId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Change a component's name, priority or active flag",
            description = "Code and basis are fixed. `version` as read; 409 when it changed since.")
    public ChargeComponent update(
            @Context SecurityContext security, @PathParam("componentId") long componentId, ComponentChange input) {
        Subject staff = DomusRest.subject(security);
        ChargeComponent current = check(staff, LedgerPermissions.BILLING, componentId);
        writes.organisation(staff, LedgerPermissions.BILLING, current.organisationId());
        ComponentChange in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.version() == null) {
            errors.add("version", "validation.required");
        }
        if (in.name() != null && in.name().isBlank()) {
            errors.add("name", "validation.required");
        }
        errors.throwIfAny();
        return charges.updateComponent(
                staff,
                new ChargeComponent(
                        componentId,
                        current.organisationId(),
                        current.code(),
                        in.name() == null ? current.name() : in.name(),
                        current.basis(),
                        current.provider(),
                        in.priority() == null ? current.priority() : in.priority(),
                        in.active() == null ? current.active() : in.active(),
                        in.version()));
    }

    @GET
    @Path("rates")
    @Doc("The component's rates by level, scope and start")
    public List<ChargeRate> rates(@Context SecurityContext security, @PathParam("componentId") long componentId) {
        Subject staff = DomusRest.subject(security);
        check(staff, LedgerPermissions.READ, componentId);
        return charges.rates(staff, componentId);
    }

    @POST
    @Path("rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Add a rate valid from a day",
            description = "409 when it overlaps a rate of the component at the same level and scope: end that "
                    + "rate first (`POST /ledger/rates/{rateId}/end`). FIXED components take UNIT rates only.",
            status = 201,
            response = ChargeRate.class)
    public Response addRate(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("componentId") long componentId,
            RateInput input) {
        Subject staff = DomusRest.subject(security);
        check(staff, LedgerPermissions.BILLING, componentId);
        RateInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.level() == null) {
            errors.add("level", "validation.required");
        }
        if (in.scopeId() == null) {
            errors.add("scopeId", "validation.required");
        }
        if (in.amount() == null) {
            errors.add("amount", "validation.required");
        }
        LedgerWrites.required(in.validFrom(), "validFrom", errors);
        if (in.validFrom() != null && in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
            errors.add("validTo", "ledger.rate.invalid");
        }
        errors.throwIfAny();
        ChargeRate rate = charges.addRate(
                staff,
                new ChargeRate(0, componentId, in.level(), in.scopeId(), in.amount(), in.validFrom(), in.validTo()));
        return DomusRest.created(uri, "ledger/rates/" + rate.id(), rate);
    }

    @GET
    @Path("exemptions")
    @Doc("The component's exemptions by unit and start")
    public List<Exemption> exemptions(@Context SecurityContext security, @PathParam("componentId") long componentId) {
        Subject staff = DomusRest.subject(security);
        check(staff, LedgerPermissions.READ, componentId);
        return charges.exemptions(staff, componentId);
    }

    @POST
    @Path("exemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Exempt a unit from the component for a period", status = 201, response = Exemption.class)
    public Response addExemption(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("componentId") long componentId,
            ExemptionInput input) {
        Subject staff = DomusRest.subject(security);
        check(staff, LedgerPermissions.BILLING, componentId);
        ExemptionInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.unitId() == null) {
            errors.add("unitId", "validation.required");
        }
        LedgerWrites.required(in.validFrom(), "validFrom", errors);
        errors.throwIfAny();
        Exemption created = charges.addExemption(
                staff, new Exemption(0, componentId, in.unitId(), in.validFrom(), in.validTo(), in.reason()));
        return DomusRest.created(uri, "ledger/components/" + componentId + "/exemptions/" + created.id(), created);
    }

    /**
     * The component as the subject may read it (staff anywhere in its organisation), after refusing subjects
     * without the permission: residents learn nothing here, whether the component exists or not.
     */
    private ChargeComponent check(Subject staff, Permission permission, long componentId) {
        writes.anywhere(staff, permission, "ledger.component.not-found");
        writes.anywhere(staff, LedgerPermissions.READ, "ledger.component.not-found");
        return charges.component(staff, componentId);
    }
}
