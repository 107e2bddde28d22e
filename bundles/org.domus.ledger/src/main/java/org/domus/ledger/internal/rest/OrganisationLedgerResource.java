package org.domus.ledger.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.imports.ImportLine;
import org.domus.ledger.imports.ImportLineStatus;
import org.domus.ledger.imports.ImportReport;
import org.domus.ledger.imports.PaymentImportService;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;
import org.domus.ledger.internal.statement.Texts;
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
 * {@code /api/ledger/organisations/{organisationId}/...}: an organisation's charge components and billing
 * runs for staff. ACCOUNTANT (and ADMIN) define components and bill within their scope; MANAGER and BOARD
 * read. Residents get 404 (they read their price list through their own units), staff outside the scope 403.
 */
@Component(service = OrganisationLedgerResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/organisations/{organisationId}")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Charge components and billing runs of an organisation (staff)")
public class OrganisationLedgerResource {

    /**
     * A new charge component.
     *
     * @param code upper-case letters, digits and {@code _}, unique in the organisation, fixed once created
     * @param name what statements print
     * @param basis how the charge is computed, fixed once created
     * @param provider the quantity provider's key, for {@code PROVIDED} only
     * @param priority order in which payments settle the components of a month (lower first)
     * @param active whether billing runs charge it
     */
    public record ComponentInput(
            String code, String name, ChargeBasis basis, String provider, Integer priority, Boolean active) {}

    /**
     * What to bill.
     *
     * @param month {@code YYYY-MM}
     * @param scopeType ORGANISATION (default), ESTATE or BUILDING
     * @param scopeId the estate's or building's id (default: the organisation)
     */
    public record BillingRequest(String month, ScopeType scopeType, Long scopeId) {}

    private final ChargeService charges;
    private final BillingService billing;
    private final PaymentImportService imports;
    private final LedgerWrites writes;

    @Activate
    public OrganisationLedgerResource(
            @Reference ChargeService charges,
            @Reference BillingService billing,
            @Reference PaymentImportService imports,
            @Reference AccessPolicy policy) {
        this.charges = charges;
        this.billing = billing;
        this.imports = imports;
        this.writes = new LedgerWrites(policy);
    }

    @GET
    @Path("components")
    @Doc("The organisation's charge components by priority, then code")
    public List<ChargeComponent> components(
            @Context SecurityContext security, @PathParam("organisationId") long organisationId) {
        Subject staff = DomusRest.subject(security);
        writes.organisation(staff, LedgerPermissions.READ, organisationId);
        return charges.components(staff, organisationId);
    }

    @POST
    @Path("components")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Create a charge component",
            description = "Bases: PER_AREA, PER_PERSON, PER_UNIT, FIXED, BY_SHARE, PROVIDED (with `provider`). "
                    + "Code and basis cannot change later. 409 when the code is taken.",
            status = 201,
            response = ChargeComponent.class)
    public Response createComponent(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("organisationId") long organisationId,
            ComponentInput input) {
        Subject staff = DomusRest.subject(security);
        writes.organisation(staff, LedgerPermissions.BILLING, organisationId);
        ComponentInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.code() == null || in.code().isBlank()) {
            errors.add("code", "validation.required");
        }
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", "validation.required");
        }
        if (in.basis() == null) {
            errors.add("basis", "validation.required");
        } else if (in.basis() == ChargeBasis.PROVIDED
                && (in.provider() == null || in.provider().isBlank())) {
            errors.add("provider", "validation.required");
        }
        errors.throwIfAny();
        ChargeComponent created = charges.createComponent(
                staff,
                new ChargeComponent(
                        0,
                        organisationId,
                        in.code(),
                        in.name(),
                        in.basis(),
                        in.provider(),
                        in.priority() == null ? 100 : in.priority(),
                        in.active() == null || in.active(),
                        0));
        return DomusRest.created(uri, "ledger/components/" + created.id(), created);
    }

    @GET
    @Path("billing-runs")
    @Doc(
            value = "The organisation's billing runs, newest first",
            description = "`month` (`YYYY-MM`) keeps the runs of one month.")
    public List<BillingRun> runs(
            @Context SecurityContext security,
            @PathParam("organisationId") long organisationId,
            @QueryParam("month") String month) {
        Subject staff = DomusRest.subject(security);
        writes.organisation(staff, LedgerPermissions.READ, organisationId);
        return billing.runs(staff, organisationId, LedgerWrites.optionalMonth(month, "month"));
    }

    @POST
    @Path("billing-runs/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Preview a billing run without writing anything",
            description = "Every unit's charge lines (quantity x rate) and totals for the month and scope, as "
                    + "a run would post them; `alreadyPosted` when the month is billed for the scope.")
    public LedgerWrites.BillingView preview(
            @Context SecurityContext security, @PathParam("organisationId") long organisationId, BillingRequest input) {
        Subject staff = DomusRest.subject(security);
        Target target = target(staff, organisationId, input);
        return LedgerWrites.view(billing.preview(staff, target.scope(), target.month(), null));
    }

    @POST
    @Path("billing-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Post a billing run",
            description = "Computes every unit's charges and posts them in one transaction, all or nothing. "
                    + "201 with the new run; 200 with `alreadyPosted` and nothing written when the month is "
                    + "billed for the scope already (reverse that run first to bill it again).",
            status = 201,
            response = LedgerWrites.BillingView.class)
    public Response run(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("organisationId") long organisationId,
            BillingRequest input) {
        Subject staff = DomusRest.subject(security);
        Target target = target(staff, organisationId, input);
        BillingResult result = billing.run(staff, target.scope(), target.month(), null);
        LedgerWrites.BillingView view = LedgerWrites.view(result);
        if (result.alreadyPosted() || result.run() == null) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        return DomusRest.created(uri, "ledger/billing-runs/" + result.run().id(), view);
    }

    /**
     * One problem of a statement line, translated.
     *
     * @param line line of the file
     * @param field the field, absent for the line as a whole
     * @param message the problem in the request's language
     * @param messageKey its translation key
     * @param arguments the key's arguments
     */
    public record LineProblem(int line, String field, String message, String messageKey, List<Object> arguments) {}

    /** A statement line with its problems translated. */
    public record ImportLineView(
            int line,
            LocalDate date,
            BigDecimal amount,
            String reference,
            String counterAccount,
            String message,
            String bankId,
            ImportLineStatus status,
            Long unitId,
            String unit,
            Long transactionId,
            List<LineProblem> problems) {}

    /** {@link ImportReport} with translated problems. */
    public record ImportView(
            StatementFormat format,
            String encoding,
            String fileSha256,
            boolean applied,
            Long importId,
            boolean importedBefore,
            List<ImportReport.PreviousImport> previousImports,
            int matched,
            int duplicates,
            int unmatched,
            int debits,
            int invalid,
            BigDecimal total,
            String currency,
            List<ImportLineView> lines) {}

    @POST
    @Path("payment-imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML})
    @Doc(
            value = "Preview or import a bank statement of the organisation's payments",
            description = "Formats: `CSV` (columns date, amount, reference = variable symbol / virtual account / "
                    + "payment reference, counter_account, message, bank_id; a header row naming them is optional; "
                    + "UTF-8 with or without BOM or windows-1250; `;` or `,`; decimal comma or point; dates "
                    + "`2026-03-15` or `15.3.2026`), `GPC` (Czech ABO, windows-1250), `CAMT053` (ISO 20022 XML) and "
                    + "`MT940`, detected or given as `format`. Each credit line is matched to a unit by its reference; debit lines are listed "
                    + "and ignored. `mode=preview` (default) writes nothing. `mode=apply` posts the matched lines "
                    + "as payments in one transaction, all or nothing; if any credit line is unmatched or "
                    + "unreadable the answer is a 422 naming each as `lines[<line>].<field>`, unless "
                    + "`onlyMatched=true`. Lines imported before (same bank transaction id, or the same line of "
                    + "the same or an overlapping statement) are `DUPLICATE` and never posted twice; "
                    + "`importedBefore` says the same file was applied already. At most 5 MB and 20,000 lines. "
                    + "Needs `ledger.post` on the whole organisation.")
    public ImportView importPayments(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @PathParam("organisationId") long organisationId,
            @QueryParam("mode") @DefaultValue("preview") String mode,
            @QueryParam("onlyMatched") @DefaultValue("false") boolean onlyMatched,
            @QueryParam("format") String format,
            InputStream body) {
        Subject staff = DomusRest.subject(security);
        writes.organisation(staff, LedgerPermissions.POST, organisationId);
        ValidationException.Builder errors = ValidationException.builder();
        boolean apply = "apply".equalsIgnoreCase(mode);
        if (!apply && !"preview".equalsIgnoreCase(mode)) {
            errors.add("mode", "validation.one-of", "preview, apply");
        }
        StatementFormat f = null;
        if (format != null && !format.isBlank()) {
            f = StatementFormat.parse(format).orElse(null);
            if (f == null) {
                errors.add("format", "validation.one-of", "CSV, GPC, CAMT053, MT940");
            }
        }
        errors.throwIfAny();
        byte[] file = read(body);
        Texts texts = Texts.of(LedgerReads.language(headers, staff));
        ImportReport preview = imports.preview(staff, organisationId, file, f);
        if (!apply) {
            return view(preview, texts);
        }
        if (!onlyMatched && preview.unmatched() + preview.invalid() > 0) {
            for (ImportLine l : preview.lines()) {
                for (StatementProblem p : l.problems()) {
                    errors.add(
                            "lines[" + p.line() + "]" + (p.field() == null ? "" : "." + p.field()),
                            p.messageKey(),
                            p.arguments().toArray());
                }
            }
            errors.throwIfAny();
        }
        return view(imports.apply(staff, organisationId, file, f, onlyMatched), texts);
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            return in.readNBytes(PaymentImportService.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportView view(ImportReport r, Texts texts) {
        List<ImportLineView> lines = r.lines().stream()
                .map(l -> new ImportLineView(
                        l.line(),
                        l.date(),
                        l.amount(),
                        l.reference(),
                        l.counterAccount(),
                        l.message(),
                        l.bankId(),
                        l.status(),
                        l.unitId(),
                        l.unit(),
                        l.transactionId(),
                        l.problems().stream()
                                .map(p -> new LineProblem(
                                        p.line(),
                                        p.field(),
                                        texts.get(p.messageKey(), p.arguments().toArray()),
                                        p.messageKey(),
                                        p.arguments()))
                                .toList()))
                .toList();
        return new ImportView(
                r.format(),
                r.encoding(),
                r.fileSha256(),
                r.applied(),
                r.importId(),
                !r.previousImports().isEmpty(),
                r.previousImports(),
                r.matched(),
                r.duplicates(),
                r.unmatched(),
                r.debits(),
                r.invalid(),
                r.total(),
                r.currency(),
                lines);
    }

    private record Target(BillingScope scope, YearMonth month) {}

    /**
     * The run's scope and month; the scope is checked for {@code ledger.billing} before anything about the
     * body is said, and must lie in the organisation of the path.
     */
    private Target target(Subject staff, long organisationId, BillingRequest input) {
        BillingRequest in = input == null ? new BillingRequest(null, null, null) : input;
        ScopeType type = in.scopeType() == null ? ScopeType.ORGANISATION : in.scopeType();
        long id = in.scopeId() == null ? organisationId : in.scopeId();
        ValidationException.Builder errors = ValidationException.builder();
        RegistryLocation where = writes.require(staff, LedgerPermissions.BILLING, type, id, "ledger.scope.not-found");
        if (where.organisationId() != organisationId) {
            errors.add("scopeId", "ledger.billing.scope.invalid", type);
        }
        YearMonth month = LedgerWrites.month(in.month(), "month", errors);
        errors.throwIfAny();
        return new Target(new BillingScope(type, id), month);
    }
}
