package org.domus.ledger.internal.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Subject;
import org.domus.core.export.TableFormat;
import org.domus.core.registry.Page;
import org.domus.ledger.Arrear;
import org.domus.ledger.ArrearsQuery;
import org.domus.ledger.ArrearsSort;
import org.domus.ledger.LedgerReports;
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
 * {@code /api/ledger/arrears}: who owes how much since when, as JSON or (with {@code format=csv|xlsx} or an
 * Accept header) as a download. Its own root path, so that other ledger resources never shadow it.
 */
@Component(service = LedgerReportsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/arrears")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Arrears: units in my ledger scope that owe money")
public class LedgerReportsResource {

    private static final int MAX_LIMIT = 500;

    private final LedgerReports reports;
    private final Clock clock;

    @Activate
    public LedgerReportsResource(@Reference LedgerReports reports) {
        this.reports = reports;
        this.clock = Clock.systemDefaultZone();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TableDownloads.CSV, TableDownloads.XLSX})
    @Doc(
            value = "Units in my ledger scope that owe money",
            description = "Debt, oldest unpaid month (`since`, when payments settle the oldest charges first) and "
                    + "months overdue, with the unit's address and current holders; units in credit never appear. "
                    + "Filters: `organisationId`, `estateId`, `buildingId`, `minAmount`, `minMonths`. `sort` is "
                    + "`debt`, `age` or `unit`, `-` first for descending (default `-debt`). "
                    + "`format=csv|xlsx` (or Accept) downloads every matching row instead of a page.",
            response = Page.class)
    public Response arrears(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @QueryParam("organisationId") Long organisationId,
            @QueryParam("estateId") Long estateId,
            @QueryParam("buildingId") Long buildingId,
            @QueryParam("minAmount") String minAmount,
            @QueryParam("minMonths") Integer minMonths,
            @QueryParam("sort") @DefaultValue("-debt") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("format") String format) {
        Subject me = DomusRest.subject(security);
        Optional<TableFormat> download = TableDownloads.requested(format, headers);
        ValidationException.Builder errors = ValidationException.builder();
        BigDecimal minimum = null;
        if (minAmount != null && !minAmount.isBlank()) {
            try {
                minimum = new BigDecimal(minAmount.strip());
                if (minimum.signum() < 0) {
                    errors.add("minAmount", "validation.min", 0);
                }
            } catch (NumberFormatException e) {
                errors.add("minAmount", "ledger.amount.invalid");
            }
        }
        if (minMonths != null && minMonths < 0) {
            errors.add("minMonths", "validation.min", 0);
        }
        String order = sort.strip();
        boolean descending = order.startsWith("-");
        ArrearsSort by =
                switch (descending ? order.substring(1) : order) {
                    case "debt" -> ArrearsSort.DEBT;
                    case "age" -> ArrearsSort.AGE;
                    case "unit" -> ArrearsSort.UNIT;
                    default -> {
                        errors.add("sort", "validation.one-of", "debt, -debt, age, -age, unit, -unit");
                        yield null;
                    }
                };
        if (download.isEmpty()) {
            if (offset < 0) {
                errors.add("offset", "validation.min", 0);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add("limit", "validation.range", 1, MAX_LIMIT);
            }
        }
        errors.throwIfAny();
        ArrearsQuery query = download.isEmpty()
                ? new ArrearsQuery(
                        organisationId, estateId, buildingId, minimum, minMonths, by, descending, offset, limit)
                : new ArrearsQuery(
                        organisationId,
                        estateId,
                        buildingId,
                        minimum,
                        minMonths,
                        by,
                        descending,
                        0,
                        LedgerReports.MAX_ARREARS);
        Page<Arrear> page = reports.arrears(me, query);
        if (download.isEmpty()) {
            return Response.ok(page, MediaType.APPLICATION_JSON).build();
        }
        Locale locale = TableDownloads.language(headers, me);
        Texts texts = Texts.of(locale.getLanguage());
        return TableDownloads.response(
                LedgerTables.arrears(page.items(), texts),
                download.get(),
                locale,
                texts.get("ledger.export.arrears.file") + "-" + YearMonth.now(clock));
    }
}
