package org.domus.tickets.internal.rest;

import java.util.List;
import java.util.Set;
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
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/tickets/companies/{companyId}}: one contractor company and its workers (staff). */
@Component(service = CompanyResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("tickets/companies/{companyId}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("A contractor company and its workers (staff)")
public class CompanyResource {

    /**
     * A worker. {@code accountId} links a CONTRACTOR or TECHNICIAN account, which then sees the company's
     * tickets; {@code sharesPosition} lets managers see the worker's last reported position.
     */
    public record WorkerInput(
            String name,
            String phone,
            String email,
            Set<String> groups,
            Long accountId,
            Boolean sharesPosition,
            Boolean active,
            Long version) {}

    private final ContractorService contractors;

    @Activate
    public CompanyResource(@Reference ContractorService contractors) {
        this.contractors = contractors;
    }

    @GET
    @Doc("One contractor company")
    public ContractorCompany company(@Context SecurityContext security, @PathParam("companyId") long companyId) {
        return contractors.company(DomusRest.subject(security), companyId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a company (`version` as read; 409 when it changed since)")
    public ContractorCompany update(
            @Context SecurityContext security,
            @PathParam("companyId") long companyId,
            OrganisationTicketsResource.CompanyInput input) {
        OrganisationTicketsResource.CompanyInput in = DomusRest.requireBody(input);
        if (in.version() == null) {
            throw ValidationException.builder()
                    .add("version", "validation.required")
                    .build();
        }
        ContractorCompany current = contractors.company(DomusRest.subject(security), companyId);
        return contractors.saveCompany(
                DomusRest.subject(security),
                new ContractorCompany(
                        companyId,
                        current.organisationId(),
                        in.name(),
                        in.registrationNumber(),
                        in.phone(),
                        in.email(),
                        in.groups(),
                        !Boolean.FALSE.equals(in.active()),
                        in.version()));
    }

    @GET
    @Path("workers")
    @Doc("The company's workers (positions only of those who share them)")
    public List<ContractorWorker> workers(@Context SecurityContext security, @PathParam("companyId") long companyId) {
        return contractors.workers(DomusRest.subject(security), companyId);
    }

    @POST
    @Path("workers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Add a worker (`tickets.contractors`)", status = 201, response = ContractorWorker.class)
    public Response addWorker(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("companyId") long companyId,
            WorkerInput input) {
        WorkerInput in = DomusRest.requireBody(input);
        ContractorWorker saved = contractors.saveWorker(DomusRest.subject(security), worker(0, companyId, in, 0));
        return DomusRest.created(uri, "tickets/companies/" + companyId + "/workers", saved);
    }

    @PUT
    @Path("workers/{workerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc("Change a worker (`version` as read)")
    public ContractorWorker updateWorker(
            @Context SecurityContext security,
            @PathParam("companyId") long companyId,
            @PathParam("workerId") long workerId,
            WorkerInput input) {
        WorkerInput in = DomusRest.requireBody(input);
        if (in.version() == null) {
            throw ValidationException.builder()
                    .add("version", "validation.required")
                    .build();
        }
        return contractors.saveWorker(DomusRest.subject(security), worker(workerId, companyId, in, in.version()));
    }

    private static ContractorWorker worker(long id, long companyId, WorkerInput in, long version) {
        return new ContractorWorker(
                id,
                companyId,
                in.name(),
                in.phone(),
                in.email(),
                in.groups(),
                in.accountId(),
                Boolean.TRUE.equals(in.sharesPosition()),
                null,
                null,
                null,
                !Boolean.FALSE.equals(in.active()),
                version);
    }
}
