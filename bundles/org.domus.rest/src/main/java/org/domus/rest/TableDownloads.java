package org.domus.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.domus.core.Subject;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;
import org.domus.rest.internal.Messages;

/**
 * Lets a list resource answer as a CSV or XLSX download besides JSON. The client asks with the query
 * parameter {@code format=json|csv|xlsx} or, without it, with an {@code Accept} header naming
 * {@code text/csv} or the XLSX media type; the method must then also produce those types:
 *
 * <pre>{@code
 * @GET
 * @Produces({MediaType.APPLICATION_JSON, TableDownloads.CSV, TableDownloads.XLSX})
 * public Response arrears(@Context SecurityContext security, @Context HttpHeaders headers,
 *         @QueryParam("format") String format, ...) {
 *     Subject me = DomusRest.subject(security);
 *     Optional<TableFormat> download = TableDownloads.requested(format, headers);
 *     ArrearsPage page = ...;
 *     if (download.isEmpty()) return Response.ok(page, MediaType.APPLICATION_JSON).build();
 *     Locale locale = TableDownloads.language(headers, me);
 *     return TableDownloads.response(table(page, locale), download.get(), locale, "arrears");
 * }
 * }</pre>
 */
public final class TableDownloads {

    /** Media type of {@link TableFormat#CSV}, for {@code @Produces}. */
    public static final String CSV = "text/csv";

    /** Media type of {@link TableFormat#XLSX}, for {@code @Produces}. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The query parameter that chooses the format. */
    public static final String FORMAT_PARAMETER = "format";

    private TableDownloads() {}

    /**
     * The download the request asks for, or empty for the JSON answer. The {@code format} parameter wins
     * over the Accept header; an Accept header that also accepts JSON (or anything) gets JSON.
     *
     * @throws ValidationException {@code format} is something other than json, csv or xlsx (422)
     */
    public static Optional<TableFormat> requested(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if ("json".equalsIgnoreCase(format.strip())) {
                return Optional.empty();
            }
            Optional<TableFormat> named = TableFormat.named(format);
            if (named.isEmpty()) {
                throw ValidationException.builder()
                        .add(FORMAT_PARAMETER, "validation.one-of", "json, csv, xlsx")
                        .build();
            }
            return named;
        }
        List<MediaType> acceptable = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return Optional.empty();
            }
            Optional<TableFormat> wanted = TableFormat.ofMediaType(type.getType() + "/" + type.getSubtype());
            if (wanted.isPresent()) {
                return wanted;
            }
        }
        return Optional.empty();
    }

    /**
     * The language to write headers and titles in: the first supported Accept-Language, else the account's
     * language, else English. Its locale also decides the CSV separators.
     */
    public static Locale language(HttpHeaders headers, Subject subject) {
        List<Locale> acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
        return Messages.negotiate(acceptable, subject == null ? null : subject.locale());
    }

    /**
     * The table as an attachment that no cache keeps, named {@code fileBase} plus the format's extension
     * (reduced to ASCII, see {@link TableFormat#fileName}).
     */
    public static Response response(Table table, TableFormat format, Locale locale, String fileBase) {
        byte[] body = format.toBytes(table, locale);
        String type = format == TableFormat.CSV ? CSV + ";charset=UTF-8" : format.mediaType();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + format.fileName(fileBase) + "\"")
                .cacheControl(noStore)
                .build();
    }
}
