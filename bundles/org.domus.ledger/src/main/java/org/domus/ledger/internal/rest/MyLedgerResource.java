package org.domus.ledger.internal.rest;

import java.time.Clock;
import java.util.List;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.LedgerService;
import org.domus.ledger.OpenItems;
import org.domus.ledger.PaymentService;
import org.domus.ledger.Posting;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.ledger.payment.UnitDocuments;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/ledger/me/units}: the signed-in resident's ledgers. Only the subject's current units are
 * served; any other unit id is a 404, whoever asks.
 */
@Component(service = MyLedgerResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/me/units")
@Produces(MediaType.APPLICATION_JSON)
@Doc("My ledger: balances, turnover, charges, payments and statements of my units")
public class MyLedgerResource {

    private final LedgerReads reads;
    private final PaymentService payments;

    @Activate
    public MyLedgerResource(
            @Reference PaymentService payments,
            @Reference LedgerService ledger,
            @Reference BillingService billing,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy,
            @Reference UnitDocuments documents) {
        this.reads = new LedgerReads(ledger, billing, registry, policy, documents, Clock.systemDefaultZone());
        this.payments = payments;
    }

    @GET
    @Doc("My current units with their balance (positive: I owe) and currency")
    public List<LedgerReads.MyUnitBalance> units(@Context SecurityContext security) {
        return reads.myUnits(DomusRest.subject(security));
    }

    @GET
    @Path("{unitId}/balance")
    @Doc("The balance of one of my units; any other unit is a 404")
    public UnitBalance balance(@Context SecurityContext security, @PathParam("unitId") long unitId) {
        return reads.balance(mine(security, unitId), unitId);
    }

    @GET
    @Path("{unitId}/amount-due")
    @Doc(
            value = "What one of my units owes now, with its payment QR code",
            description = "The debt (0.00 when nothing is due) and, when the registry holds what the currency's "
                    + "standard needs, the payment QR code: SPAYD for CZK (the organisation's IBAN, the unit's "
                    + "variable symbol), EPC for EUR (the organisation's IBAN), ZBP for PLN (the unit's virtual "
                    + "account, the organisation's NIP), as its exact payload and an SVG; otherwise those are null.")
    public LedgerReads.AmountDue amountDue(
            @Context SecurityContext security, @Context HttpHeaders headers, @PathParam("unitId") long unitId) {
        return reads.amountDue(mine(security, unitId), unitId, headers);
    }

    @GET
    @Path("{unitId}/turnover")
    @Doc(
            value = "The turnover sheet of one of my units",
            description = "Opening balance, charges, payments, other postings and closing balance per month. "
                    + "`from` and `to` are `YYYY-MM` (default: the last 12 months); at most 120 months.")
    public TurnoverSheet turnover(
            @Context SecurityContext security,
            @PathParam("unitId") long unitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return reads.turnover(mine(security, unitId), unitId, from, to);
    }

    @GET
    @Path("{unitId}/charges")
    @Doc(
            value = "The charge components billed to one of my units for a month",
            description = "`month` is `YYYY-MM` (default: the current month); net of reversals.")
    public List<ChargeLine> charges(
            @Context SecurityContext security, @PathParam("unitId") long unitId, @QueryParam("month") String month) {
        return reads.charges(mine(security, unitId), unitId, month);
    }

    @GET
    @Path("{unitId}/postings")
    @Doc("The postings of one of my units (payment history), newest first")
    public Page<Posting> postings(
            @Context SecurityContext security,
            @PathParam("unitId") long unitId,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("" + LedgerReads.DEFAULT_LIMIT) int limit) {
        return reads.postings(mine(security, unitId), unitId, offset, limit);
    }

    @GET
    @Path("{unitId}/statement.pdf")
    @Produces(LedgerReads.PDF)
    @Doc(
            value = "The statement of account of one of my units as a PDF",
            description = "In my language (Accept-Language, else my account's language); `from` and `to` are "
                    + "`YYYY-MM` (default: the last 12 months). The payment QR code is printed when the data it "
                    + "needs is known (CZK: the organisation's IBAN and the unit's variable symbol; EUR: the "
                    + "organisation's IBAN; PLN: the unit's virtual account).")
    public Response statement(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @PathParam("unitId") long unitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return reads.statement(mine(security, unitId), unitId, from, to, headers);
    }

    @GET
    @Path("{unitId}/open-items")
    @Doc(
            value = "What is still unpaid on one of my units",
            description = "Every charge with its open part after my payments settled the oldest months first, "
                    + "my credit and my balance.")
    public OpenItems openItems(@Context SecurityContext security, @PathParam("unitId") long unitId) {
        return payments.openItems(mine(security, unitId), unitId);
    }

    private Subject mine(SecurityContext security, long unitId) {
        Subject me = DomusRest.subject(security);
        reads.requireMine(me, unitId);
        return me;
    }
}
