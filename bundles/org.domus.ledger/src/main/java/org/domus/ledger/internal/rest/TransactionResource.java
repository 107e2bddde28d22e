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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerService;
import org.domus.ledger.LedgerTransaction;
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
 * {@code /api/ledger/transactions/{transactionId}}: one ledger transaction with its postings, and its
 * reversal, for staff holding the permission on the whole organisation (a transaction may touch any of its
 * accounts).
 */
@Component(service = TransactionResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/transactions/{transactionId}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Ledger transactions (staff)")
public class TransactionResource {

    /**
     * A reversal.
     *
     * @param bookingDate when it is booked (default: today)
     * @param reason why, kept in the audit trail, at most 200 characters
     */
    public record ReversalInput(LocalDate bookingDate, String reason) {}

    private final LedgerService ledger;
    private final LedgerWrites writes;

    @Activate
    public TransactionResource(@Reference LedgerService ledger, @Reference AccessPolicy policy) {
        this.ledger = ledger;
        this.writes = new LedgerWrites(policy);
    }

    @GET
    @Doc("One transaction with its postings")
    public LedgerTransaction transaction(
            @Context SecurityContext security, @PathParam("transactionId") long transactionId) {
        Subject staff = DomusRest.subject(security);
        writes.anywhere(staff, LedgerPermissions.READ, "ledger.transaction.not-found");
        return ledger.transaction(staff, transactionId);
    }

    @POST
    @Path("reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Reverse a transaction",
            description = "Posts its exact opposite, referencing it; a payment reversed is no longer allocated. "
                    + "409 when reversed before; a billing run's charges are reversed through the run "
                    + "(`POST /ledger/billing-runs/{runId}/reversal`).",
            status = 201,
            response = LedgerTransaction.class)
    public Response reverse(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("transactionId") long transactionId,
            ReversalInput input) {
        Subject staff = DomusRest.subject(security);
        writes.anywhere(staff, LedgerPermissions.POST, "ledger.transaction.not-found");
        ReversalInput in = input == null ? new ReversalInput(null, null) : input;
        if (in.reason() != null && in.reason().length() > 200) {
            throw ValidationException.builder()
                    .add("reason", "validation.too_long", 200)
                    .build();
        }
        LedgerTransaction reversal = ledger.reverse(staff, transactionId, in.bookingDate(), in.reason());
        return DomusRest.created(uri, "ledger/transactions/" + reversal.id(), reversal);
    }
}
