package org.domus.ledger.internal.rest;

import java.time.LocalDate;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingService;
import org.domus.ledger.LedgerPermissions;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/ledger/billing-runs/{runId}}: one billing run and its reversal (staff). */
@Component(service = BillingRunResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/billing-runs/{runId}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Billing runs (staff)")
public class BillingRunResource {

    /** When the reversal is booked (default: today). */
    public record Reversal(LocalDate bookingDate) {}

    private final BillingService billing;
    private final LedgerWrites writes;

    @Activate
    public BillingRunResource(@Reference BillingService billing, @Reference AccessPolicy policy) {
        this.billing = billing;
        this.writes = new LedgerWrites(policy);
    }

    @GET
    @Doc("One billing run")
    public BillingRun run(@Context SecurityContext security, @PathParam("runId") long runId) {
        Subject staff = DomusRest.subject(security);
        writes.anywhere(staff, LedgerPermissions.READ, "ledger.billing.not-found");
        return billing.billingRun(staff, runId);
    }

    @POST
    @Path("reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Reverse a billing run as a whole",
            description = "Posts one reversal transaction of all its charges; the month can then be billed "
                    + "again. 409 when it was reversed before.")
    public BillingRun reverse(@Context SecurityContext security, @PathParam("runId") long runId, Reversal input) {
        Subject staff = DomusRest.subject(security);
        writes.anywhere(staff, LedgerPermissions.BILLING, "ledger.billing.not-found");
        return billing.reverse(staff, runId, input == null ? null : input.bookingDate());
    }
}
