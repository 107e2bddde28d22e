package org.domus.ledger.internal.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.export.TableFormat;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerService;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.NewPayment;
import org.domus.ledger.OpenItems;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentResult;
import org.domus.ledger.PaymentService;
import org.domus.ledger.PersonsDeclaration;
import org.domus.ledger.Posting;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.ledger.internal.statement.Texts;
import org.domus.ledger.payment.UnitDocuments;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.TableDownloads;
import org.domus.rest.ValidationException;
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

    /**
     * A payment received.
     *
     * @param amount positive, at most two decimals, in the organisation's currency
     * @param paidOn the booking day
     * @param method BANK (default) or CASH
     * @param reference bank reference, variable symbol or receipt number, at most 64 characters
     */
    public record PaymentInput(BigDecimal amount, LocalDate paidOn, PaymentMethod method, String reference) {}

    /** Credit paid back to the unit's holder. */
    public record RefundInput(BigDecimal amount, LocalDate bookingDate, PaymentMethod method, String reference) {}

    /** Persons living in the unit from a day. */
    public record PersonsInput(Integer persons, LocalDate validFrom) {}

    private static final Subject SYSTEM = Subject.system("ledger-rest", "Ledger REST");

    private final LedgerReads reads;
    private final LedgerService ledger;
    private final PaymentService payments;
    private final ChargeService charges;
    private final AccessPolicy policy;

    @Activate
    public UnitLedgerResource(
            @Reference LedgerService ledger,
            @Reference BillingService billing,
            @Reference ChargeService charges,
            @Reference PaymentService payments,
            @Reference RegistryService registry,
            @Reference AccessPolicy policy,
            @Reference UnitDocuments documents) {
        this.reads = new LedgerReads(ledger, billing, registry, policy, documents, Clock.systemDefaultZone());
        this.ledger = ledger;
        this.payments = payments;
        this.charges = charges;
        this.policy = policy;
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
    @Produces({MediaType.APPLICATION_JSON, TableDownloads.CSV, TableDownloads.XLSX})
    @Doc(
            value = "The turnover sheet of a unit in my scope",
            description = "Opening balance, charges, payments, other postings and closing balance per month. "
                    + "`from` and `to` are `YYYY-MM` (default: the last 12 months); at most 120 months. "
                    + "`format=csv|xlsx` (or Accept) downloads it.",
            response = TurnoverSheet.class)
    public Response turnover(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @PathParam("unitId") long unitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format) {
        Subject staff = staff(security, unitId);
        Optional<TableFormat> download = TableDownloads.requested(format, headers);
        TurnoverSheet sheet = reads.turnover(staff, unitId, from, to);
        if (download.isEmpty()) {
            return Response.ok(sheet, MediaType.APPLICATION_JSON).build();
        }
        Locale locale = TableDownloads.language(headers, staff);
        Texts texts = Texts.of(locale.getLanguage());
        TurnoverMonth first = sheet.months().get(0);
        TurnoverMonth last = sheet.months().get(sheet.months().size() - 1);
        return TableDownloads.response(
                LedgerTables.turnover(sheet, texts),
                download.get(),
                locale,
                texts.get("ledger.export.turnover.file") + "-" + unitId + "-" + first.month() + "-" + last.month());
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
    @Produces({MediaType.APPLICATION_JSON, TableDownloads.CSV, TableDownloads.XLSX})
    @Doc(
            value = "The postings of a unit in my scope newest first",
            description =
                    "A page (`offset`, `limit`) as JSON; `format=csv|xlsx` (or Accept) downloads all of " + "them.",
            response = Page.class)
    public Response postings(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @PathParam("unitId") long unitId,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("" + LedgerReads.DEFAULT_LIMIT) int limit,
            @QueryParam("format") String format) {
        Subject staff = staff(security, unitId);
        Optional<TableFormat> download = TableDownloads.requested(format, headers);
        if (download.isEmpty()) {
            return Response.ok(reads.postings(staff, unitId, offset, limit), MediaType.APPLICATION_JSON)
                    .build();
        }
        List<Posting> all = new ArrayList<>();
        for (int from = 0; ; from += LedgerService.MAX_PAGE) {
            Page<Posting> page = ledger.postings(staff, unitId, from, LedgerService.MAX_PAGE);
            all.addAll(page.items());
            if (page.items().isEmpty() || from + LedgerService.MAX_PAGE >= page.total()) {
                break;
            }
        }
        Map<Long, String> componentNames = policy.locate(null, unitId)
                .map(where -> charges.components(SYSTEM, where.organisationId()).stream()
                        .collect(Collectors.toMap(ChargeComponent::id, ChargeComponent::name, (a, b) -> a)))
                .orElse(Map.of());
        Locale locale = TableDownloads.language(headers, staff);
        Texts texts = Texts.of(locale.getLanguage());
        return TableDownloads.response(
                LedgerTables.postings(unitId, all, componentNames, texts),
                download.get(),
                locale,
                texts.get("ledger.export.postings.file") + "-" + unitId);
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

    @GET
    @Path("{unitId}/open-items")
    @Doc(
            value = "The open charges of a unit in my scope",
            description = "Every charge with what is still unpaid after all money received settled the oldest "
                    + "months first (within a month by component priority), the credit and the balance.")
    public OpenItems openItems(@Context SecurityContext security, @PathParam("unitId") long unitId) {
        return payments.openItems(staff(security, unitId), unitId);
    }

    @POST
    @Path("{unitId}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Record a payment received for a unit",
            description = "Debits bank or cash, credits the unit; answers where the money went (oldest charges "
                    + "first) and the credit left. Needs `ledger.post` in the unit's scope.",
            status = 201,
            response = PaymentResult.class)
    public Response recordPayment(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("unitId") long unitId,
            PaymentInput input) {
        Subject staff = staff(security, unitId);
        PaymentInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        money(in.amount(), "amount", errors);
        LedgerWrites.required(in.paidOn(), "paidOn", errors);
        reference(in.reference(), errors);
        errors.throwIfAny();
        PaymentResult result = payments.record(
                staff,
                new NewPayment(
                        unitId,
                        in.amount(),
                        in.paidOn(),
                        in.method() == null ? PaymentMethod.BANK : in.method(),
                        blankToNull(in.reference())));
        return DomusRest.created(
                uri, "ledger/transactions/" + result.transaction().id(), result);
    }

    @POST
    @Path("{unitId}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Pay a unit's credit back",
            description = "Debits the unit, credits bank or cash; refused (422) when larger than the unit's credit.",
            status = 201,
            response = LedgerTransaction.class)
    public Response refund(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("unitId") long unitId,
            RefundInput input) {
        Subject staff = staff(security, unitId);
        RefundInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        money(in.amount(), "amount", errors);
        LedgerWrites.required(in.bookingDate(), "bookingDate", errors);
        reference(in.reference(), errors);
        errors.throwIfAny();
        LedgerTransaction tx = payments.refund(
                staff,
                unitId,
                in.amount(),
                in.bookingDate(),
                in.method() == null ? PaymentMethod.BANK : in.method(),
                blankToNull(in.reference()));
        return DomusRest.created(uri, "ledger/transactions/" + tx.id(), tx);
    }

    @GET
    @Path("{unitId}/persons")
    @Doc("The persons declared for a unit in my scope, oldest first")
    public List<PersonsDeclaration> persons(@Context SecurityContext security, @PathParam("unitId") long unitId) {
        return charges.persons(staff(security, unitId), unitId);
    }

    @POST
    @Path("{unitId}/persons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Declare the persons living in a unit from a day",
            description = "Per-person components bill the number in force on the first day of the month.",
            status = 201,
            response = PersonsDeclaration.class)
    public Response declarePersons(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("unitId") long unitId,
            PersonsInput input) {
        Subject staff = staff(security, unitId);
        PersonsInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.persons() == null) {
            errors.add("persons", "validation.required");
        } else if (in.persons() < 0 || in.persons() > 99) {
            errors.add("persons", "validation.range", 0, 99);
        }
        LedgerWrites.required(in.validFrom(), "validFrom", errors);
        errors.throwIfAny();
        PersonsDeclaration d = charges.declarePersons(staff, unitId, in.persons(), in.validFrom());
        return DomusRest.created(uri, "ledger/units/" + unitId + "/persons", d);
    }

    static void money(BigDecimal amount, String field, ValidationException.Builder errors) {
        if (amount == null) {
            errors.add(field, "validation.required");
        } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > LedgerAmounts.SCALE) {
            errors.add(field, "ledger.amount.invalid", amount.toPlainString());
        }
    }

    private static void reference(String reference, ValidationException.Builder errors) {
        if (reference != null && reference.strip().length() > 64) {
            errors.add("reference", "validation.too_long", 64);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Subject staff(SecurityContext security, long unitId) {
        Subject staff = DomusRest.subject(security);
        reads.requireStaff(staff, unitId);
        return staff;
    }
}
