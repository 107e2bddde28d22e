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
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerService;
import org.domus.ledger.Posting;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.ledger.payment.PaymentQrCodes;
import org.domus.ledger.payment.StatementPdf;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/ledger/units/{unitId}/...}: a unit's ledger for staff holding {@code ledger.read} in the
 * unit's scope (MANAGER, BOARD, ACCOUNTANT, ADMIN): 403 outside the scope, 404 to subjects without any
 * staff grant of the permission (residents use {@code /api/ledger/me/units}).
 */
@Component(service = UnitLedgerResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/units")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Unit ledgers for staff: balances, turnover, charges, postings and statements within my scope")
public class UnitLedgerResource {

    private final LedgerReads reads;

    @Activate
    public UnitLedgerResource(
            @Reference LedgerService ledger,
            @Reference BillingService billing,
            @Reference ChargeService charges,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy,
            @Reference StatementPdf statements,
            @Reference PaymentQrCodes qrCodes) {
        this.reads = new LedgerReads(
                ledger, billing, charges, registry, policy, statements, qrCodes, Clock.systemDefaultZone());
    }

    @GET
    @Path("{unitId}/balance")
    @Doc("The balance of a unit in my ledger scope (403 outside it)")
    public UnitBalance balance(@Context SecurityContext security, @PathParam("unitId") long unitId) {
        return reads.balance(staff(security, unitId), unitId);
    }

    @GET
    @Path("{unitId}/amount-due")
    @Doc(
            value = "What a unit in my ledger scope owes now, with its payment QR code (403 outside it)",
            description = "The debt (0.00 when nothing is due) and, when the registry holds what the currency's "
                    + "standard needs, the payment QR code: SPAYD for CZK (the organisation's IBAN, the unit's "
                    + "variable symbol), EPC for EUR (the organisation's IBAN), ZBP for PLN (the unit's virtual "
                    + "account, the organisation's NIP), as its exact payload and an SVG; otherwise those are null.")
    public LedgerReads.AmountDue amountDue(
            @Context SecurityContext security, @Context HttpHeaders headers, @PathParam("unitId") long unitId) {
        return reads.amountDue(staff(security, unitId), unitId, headers);
    }

    @GET
    @Path("{unitId}/turnover")
    @Doc(
            value = "The turnover sheet of a unit in my scope",
            description = "Opening balance, charges, payments, other postings and closing balance per month. "
                    + "`from` and `to` are `YYYY-MM` (default: the last 12 months); at most 120 months.")
    public TurnoverSheet turnover(
            @Context SecurityContext security,
            @PathParam("unitId") long unitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return reads.turnover(staff(security, unitId), unitId, from, to);
    }

    @GET
    @Path("{unitId}/charges")
    @Doc(
            value = "The charge components billed to a unit in my scope for a month",
            description = "`month` is `YYYY-MM` (default: the current month); net of reversals.")
    public List<ChargeLine> charges(
            @Context SecurityContext security, @PathParam("unitId") long unitId, @QueryParam("month") String month) {
        return reads.charges(staff(security, unitId), unitId, month);
    }

    @GET
    @Path("{unitId}/postings")
    @Doc("The postings of a unit in my scope newest first")
    public Page<Posting> postings(
            @Context SecurityContext security,
            @PathParam("unitId") long unitId,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("" + LedgerReads.DEFAULT_LIMIT) int limit) {
        return reads.postings(staff(security, unitId), unitId, offset, limit);
    }

    @GET
    @Path("{unitId}/statement.pdf")
    @Produces(LedgerReads.PDF)
    @Doc(
            value = "The statement of account of a unit in my scope as a PDF",
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
        return reads.statement(staff(security, unitId), unitId, from, to, headers);
    }

    private Subject staff(SecurityContext security, long unitId) {
        Subject staff = DomusRest.subject(security);
        reads.requireStaff(staff, unitId);
        return staff;
    }
}
