package org.domus.tickets.internal.rest;

import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.domus.tickets.Category;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.Deadline;
import org.domus.tickets.DeadlineRule;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketPriority;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/tickets/organisations/{organisationId}/...}: an organisation's categories, deadline rules and
 * contractor companies. Reading categories: anyone who files or handles tickets there; changes need
 * {@code tickets.configure} (categories, rules) or {@code tickets.contractors} (companies).
 */
@Component(service = OrganisationTicketsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("tickets/organisations/{organisationId}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Ticket categories, deadline rules and contractor companies of an organisation")
public class OrganisationTicketsResource {

    /** A category; {@code version} as read when changing one. */
    public record CategoryInput(String code, String name, String group, Boolean active, Long version) {}

    /**
     * A deadline rule: {@code categoryId} null for the organisation's default of the priority; amounts with
     * units HOURS or WORKING_DAYS.
     */
    public record DeadlineRuleInput(
            Long categoryId, TicketPriority priority, Deadline response, Deadline resolution, Long version) {}

    /** A contractor company; {@code version} as read when changing one. */
    public record CompanyInput(
            String name,
            String registrationNumber,
            String phone,
            String email,
            Set<String> groups,
            Boolean active,
            Long version) {}

    private final TicketConfiguration configuration;
    private final ContractorService contractors;

    @Activate
    public OrganisationTicketsResource(
            @Reference TicketConfiguration configuration, @Reference ContractorService contractors) {
        this.configuration = configuration;
        this.contractors = contractors;
    }

    @GET
    @Path("categories")
    @Doc("The organisation's ticket categories (defaults are created on first use)")
    public List<Category> categories(
            @Context SecurityContext security, @PathParam("organisationId") long organisationId) {
        return configuration.categories(DomusRest.subject(security), organisationId);
    }

    @POST
    @Path("categories")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add a category", status = 201, response = Category.class)
    public Response addCategory(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("organisationId") long organisationId,
            CategoryInput input) {
        CategoryInput in = DomusRest.requireBody(input);
        Category saved = configuration.saveCategory(
                DomusRest.subject(security),
                new Category(
                        0, organisationId, in.code(), in.name(), in.group(), !Boolean.FALSE.equals(in.active()), 0));
        return DomusRest.created(uri, "tickets/organisations/" + organisationId + "/categories", saved);
    }

    @PUT
    @Path("categories/{categoryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a category (`version` as read; 409 when it changed since)")
    public Category updateCategory(
            @Context SecurityContext security,
            @PathParam("organisationId") long organisationId,
            @PathParam("categoryId") long categoryId,
            CategoryInput input) {
        CategoryInput in = DomusRest.requireBody(input);
        if (in.version() == null) {
            throw ValidationException.builder()
                    .add("version", "validation.required")
                    .build();
        }
        return configuration.saveCategory(
                DomusRest.subject(security),
                new Category(
                        categoryId,
                        organisationId,
                        in.code(),
                        in.name(),
                        in.group(),
                        !Boolean.FALSE.equals(in.active()),
                        in.version()));
    }

    @GET
    @Path("deadline-rules")
    @Doc("The organisation's deadline rules (defaults are created on first use)")
    public List<DeadlineRule> deadlineRules(
            @Context SecurityContext security, @PathParam("organisationId") long organisationId) {
        return configuration.deadlineRules(DomusRest.subject(security), organisationId);
    }

    @POST
    @Path("deadline-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add a deadline rule for a category and priority", status = 201, response = DeadlineRule.class)
    public Response addDeadlineRule(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("organisationId") long organisationId,
            DeadlineRuleInput input) {
        DeadlineRuleInput in = DomusRest.requireBody(input);
        DeadlineRule saved = configuration.saveDeadlineRule(
                DomusRest.subject(security),
                new DeadlineRule(0, organisationId, in.categoryId(), in.priority(), in.response(), in.resolution(), 0));
        return DomusRest.created(uri, "tickets/organisations/" + organisationId + "/deadline-rules", saved);
    }

    @PUT
    @Path("deadline-rules/{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a deadline rule (`version` as read)")
    public DeadlineRule updateDeadlineRule(
            @Context SecurityContext security,
            @PathParam("organisationId") long organisationId,
            @PathParam("ruleId") long ruleId,
            DeadlineRuleInput input) {
        DeadlineRuleInput in = DomusRest.requireBody(input);
        if (in.version() == null) {
            throw ValidationException.builder()
                    .add("version", "validation.required")
                    .build();
        }
        return configuration.saveDeadlineRule(
                DomusRest.subject(security),
                new DeadlineRule(
                        ruleId,
                        organisationId,
                        in.categoryId(),
                        in.priority(),
                        in.response(),
                        in.resolution(),
                        in.version()));
    }

    @DELETE
    @Path("deadline-rules/{ruleId}")
    @Doc(value = "Remove a category's deadline rule (the defaults stay)", status = 204)
    public Response deleteDeadlineRule(
            @Context SecurityContext security,
            @PathParam("organisationId") long organisationId,
            @PathParam("ruleId") long ruleId) {
        configuration.deleteDeadlineRule(DomusRest.subject(security), organisationId, ruleId);
        return Response.noContent().build();
    }

    @GET
    @Path("companies")
    @Doc("The organisation's contractor companies (staff)")
    public List<ContractorCompany> companies(
            @Context SecurityContext security, @PathParam("organisationId") long organisationId) {
        return contractors.companies(DomusRest.subject(security), organisationId);
    }

    @POST
    @Path("companies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add a contractor company (`tickets.contractors`)", status = 201, response = ContractorCompany.class)
    public Response addCompany(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("organisationId") long organisationId,
            CompanyInput input) {
        CompanyInput in = DomusRest.requireBody(input);
        ContractorCompany saved = contractors.saveCompany(
                DomusRest.subject(security),
                new ContractorCompany(
                        0,
                        organisationId,
                        in.name(),
                        in.registrationNumber(),
                        in.phone(),
                        in.email(),
                        in.groups(),
                        !Boolean.FALSE.equals(in.active()),
                        0));
        return DomusRest.created(uri, "tickets/companies/" + saved.id(), saved);
    }
}
