package org.domus.rest.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
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
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.imports.ImportKind;
import org.domus.core.registry.imports.ImportOptions;
import org.domus.core.registry.imports.ImportProblem;
import org.domus.core.registry.imports.ImportReport;
import org.domus.core.registry.imports.ImportRow;
import org.domus.core.registry.imports.RegistryImport;
import org.domus.core.registry.imports.RowStatus;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.domus.rest.internal.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/registry/import}: the CSV import of the registry for office staff. The service decides
 * access (403 without the import permission or for an organisation outside the caller's scope; rows
 * outside it are row errors); this class reads the body and translates the row problems.
 */
@Component(service = RegistryImportResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("registry/import")
@Produces(MediaType.APPLICATION_JSON)
@Doc(
        value = "CSV import of buildings, units, persons and tenures (office staff)",
        description = "A header row, then one object per row. Columns by kind (`*` required):\n\n"
                + "- `buildings`: estate*, street*, number*, city*, postcode, country*, latitude, longitude\n"
                + "- `units`: building_street*, building_number*, building_city*, unit*, kind*, floor, staircase, area*, "
                + "rooms, equipment (`|`-separated), share* (`615/45210`), legal_form*, state, rent, "
                + "rent_currency, variable_symbol, virtual_account\n"
                + "- `persons`: reference* (the office's member or customer number), kind, first_name, "
                + "last_name, company_name, registration_number, email, phone, street, city, postcode, "
                + "country, bank_account\n"
                + "- `tenures`: building_street*, building_number*, building_city*, unit*, "
                + "person_reference*, role*, share, valid_from*, valid_to\n\n"
                + "UTF-8 (with or without BOM) or windows-1250, `;` or `,` separated, decimal comma or point, "
                + "dates `2019-03-01` or `1.3.2019`. At most 5 MB and 20,000 rows. A row whose object "
                + "exists with the same data is `UNCHANGED`: importing a file twice adds nothing.")
public class RegistryImportResource {

    /**
     * One problem of a row, translated.
     *
     * @param line line of the file (the header is line 1)
     * @param column the column, absent for the row as a whole
     * @param message the problem in the request's language
     * @param messageKey its translation key
     * @param arguments the key's arguments
     */
    public record Problem(int line, String column, String message, String messageKey, List<Object> arguments) {}

    /**
     * One row of the report.
     *
     * @param line line of the file where the row starts
     * @param label the row's key, e.g. {@code Květná 12, Praha / 3}
     * @param status CREATE (created, or would be in a preview), UNCHANGED or ERROR
     * @param id the created or existing object's id
     * @param problems why the row is refused
     */
    public record Row(int line, String label, RowStatus status, Long id, List<Problem> problems) {}

    /**
     * The report of a preview or an import.
     *
     * @param kind buildings, units, persons or tenures
     * @param encoding the encoding the file was read in
     * @param separator the field separator found or chosen
     * @param applied whether anything was written
     * @param created rows that create an object (or would, in a preview)
     * @param unchanged rows already in the registry with the same data
     * @param invalid refused rows
     * @param rows every row in file order
     */
    public record Report(
            String kind,
            String encoding,
            String separator,
            boolean applied,
            int created,
            int unchanged,
            int invalid,
            List<Row> rows) {}

    private final RegistryImport imports;

    @Activate
    public RegistryImportResource(@Reference RegistryImport imports) {
        this.imports = imports;
    }

    @POST
    @Path("{kind}")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Doc(
            value = "Preview or import a CSV file",
            description = "`mode=preview` (default) reports row by row what the import would do and writes "
                    + "nothing. `mode=apply` imports in one transaction; if any row is invalid nothing is "
                    + "written and the answer is a 422 whose `errors` name each problem as "
                    + "`lines[<line>].<column>`, unless `onlyValid=true`, which imports the valid rows. "
                    + "`encoding` (`UTF-8`, `windows-1250`...) and `separator` (`;`, `,`, `tab`) override "
                    + "the detection; `organisation` is needed when the caller works in several.")
    public Report importFile(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @PathParam("kind") String kind,
            @QueryParam("mode") @DefaultValue("preview") String mode,
            @QueryParam("onlyValid") @DefaultValue("false") boolean onlyValid,
            @QueryParam("encoding") String encoding,
            @QueryParam("separator") String separator,
            @QueryParam("organisation") Long organisation,
            InputStream body) {
        Subject subject = DomusRest.subject(security);
        ImportKind k = kind(kind);
        ValidationException.Builder errors = ValidationException.builder();
        boolean apply = "apply".equalsIgnoreCase(mode);
        if (!apply && !"preview".equalsIgnoreCase(mode)) {
            errors.add("mode", "registry.import.mode.unknown", mode);
        }
        Character sep = null;
        if (separator != null && !separator.isEmpty()) {
            switch (separator.toLowerCase(Locale.ROOT)) {
                case ";", "semicolon" -> sep = ';';
                case ",", "comma" -> sep = ',';
                case "tab", "\t" -> sep = '\t';
                default -> errors.add("separator", "registry.import.separator.unknown", separator);
            }
        }
        errors.throwIfAny();
        byte[] file = read(body);
        ImportOptions options = new ImportOptions(encoding, sep, organisation, onlyValid);
        ImportReport report =
                apply ? imports.apply(subject, k, file, options) : imports.preview(subject, k, file, options);
        return view(report, Messages.negotiate(headers.getAcceptableLanguages(), subject.locale()));
    }

    @GET
    @Path("{kind}/template")
    @Produces("text/csv")
    @Doc(
            value = "An empty import file of the kind",
            description = "The header row, UTF-8 with a byte-order mark and `;`-separated, as Excel in Central "
                    + "Europe opens it.",
            response = String.class)
    public Response template(@Context SecurityContext security, @PathParam("kind") String kind) {
        Subject subject = DomusRest.subject(security);
        ImportKind k = kind(kind);
        return Response.ok(imports.template(subject, k))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"domus-" + k.path() + ".csv\"")
                .build();
    }

    private static ImportKind kind(String kind) {
        return ImportKind.parse(kind)
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "registry.import.kind.unknown"));
    }

    /** The body, at most one byte more than the service accepts (so that it can say the file is too large). */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            return in.readNBytes(RegistryImport.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report view(ImportReport report, Locale locale) {
        List<Row> rows = report.rows().stream().map(r -> view(r, locale)).toList();
        return new Report(
                report.kind().path(),
                report.encoding(),
                report.separator().equals("\t") ? "tab" : report.separator(),
                report.applied(),
                report.created(),
                report.unchanged(),
                report.invalid(),
                rows);
    }

    private static Row view(ImportRow row, Locale locale) {
        List<Problem> problems =
                row.problems().stream().map(p -> problem(p, locale)).toList();
        return new Row(row.line(), row.label(), row.status(), row.id(), problems);
    }

    private static Problem problem(ImportProblem p, Locale locale) {
        return new Problem(
                p.line(),
                p.column(),
                Messages.translate(p.messageKey(), p.arguments(), locale),
                p.messageKey(),
                p.arguments());
    }
}
