package org.domus.ledger.internal.rest;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
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
import org.domus.core.export.TableFormat;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.LedgerReports;
import org.domus.ledger.TransparencyReport;
import org.domus.ledger.internal.statement.Texts;
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
 * {@code /api/ledger/organisations/{organisationId}/transparency}: the board's monthly income and expense
 * summary, for staff holding {@code ledger.read} on the whole organisation (403 to staff scoped to an estate
 * or building, 404 to residents), as JSON or as a CSV/XLSX download.
 */
@Component(service = LedgerTransparencyResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/organisations/{organisationId}/transparency")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Transparency report: an organisation's income and expenses per month for its board")
public class LedgerTransparencyResource {

    private static final Subject SYSTEM = Subject.system("ledger-rest", "Ledger REST");

    private final LedgerReports reports;
    private final RegistryService registry;
    private final Clock clock;

    @Activate
    public LedgerTransparencyResource(@Reference LedgerReports reports, @Reference RegistryService registry) {
        this.reports = reports;
        this.registry = registry;
        this.clock = Clock.systemDefaultZone();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TableDownloads.CSV, TableDownloads.XLSX})
    @Doc(
            value = "The organisation's income and expenses per month for the board",
            description = "Charges billed per component, payments received, refunds, expenses, other postings by "
                    + "account kind and month-end bank and cash balances, with totals. Needs `ledger.read` on "
                    + "the whole organisation. `from` and `to` are `YYYY-MM` (default: the last 12 months); at "
                    + "most 120 months. `format=csv|xlsx` (or Accept) downloads it.",
            response = TransparencyReport.class)
    public Response transparency(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @PathParam("organisationId") long organisationId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format) {
        Subject me = DomusRest.subject(security);
        Optional<TableFormat> download = TableDownloads.requested(format, headers);
        ValidationException.Builder errors = ValidationException.builder();
        YearMonth end = to == null || to.isBlank() ? YearMonth.now(clock) : month(to, "to", errors);
        YearMonth start = from == null || from.isBlank()
                ? (end == null ? null : end.minusMonths(11))
                : month(from, "from", errors);
        if (start != null
                && end != null
                && (start.isAfter(end)
                        || start.plusMonths(LedgerReports.MAX_REPORT_MONTHS - 1L)
                                .isBefore(end))) {
            errors.add("to", "ledger.turnover.range.invalid");
        }
        errors.throwIfAny();
        TransparencyReport report = reports.transparency(me, organisationId, start, end);
        if (download.isEmpty()) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        String name = registry.organisations(SYSTEM).stream()
                .filter(o -> o.id() == organisationId)
                .map(Organisation::name)
                .findFirst()
                .orElse(String.valueOf(organisationId));
        Locale locale = TableDownloads.language(headers, me);
        Texts texts = Texts.of(locale.getLanguage());
        return TableDownloads.response(
                LedgerTables.transparency(report, name, texts),
                download.get(),
                locale,
                texts.get("ledger.export.transparency.file") + "-" + organisationId + "-" + start + "-" + end);
    }

    private static YearMonth month(String text, String field, ValidationException.Builder errors) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "ledger.month.invalid", text);
            return null;
        }
    }
}
