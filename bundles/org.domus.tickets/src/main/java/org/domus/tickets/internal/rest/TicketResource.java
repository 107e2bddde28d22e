package org.domus.tickets.internal.rest;

import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.domus.core.export.TableFormat;
import org.domus.core.registry.Page;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.TableDownloads;
import org.domus.rest.ValidationException;
import org.domus.tickets.Attachment;
import org.domus.tickets.BulkResult;
import org.domus.tickets.NewTicket;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketSort;
import org.domus.tickets.TicketStatistics;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TransitionRequest;
import org.domus.tickets.internal.TicketAttachmentsImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/tickets}: submitting, reading and working on tickets. Residents see their own tickets (and
 * building-wide ones of their buildings), contractors the tickets assigned to their company, staff their scope;
 * the service decides every access (404 for what a subject may not know about, 403 for staff outside scope).
 */
@Component(service = TicketResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Tickets: resident requests, the office's lists and the contractors' work")
public class TicketResource {

    /** A comment; {@code internal} notes (staff and contractors only) are never shown to residents. */
    public record CommentInput(String text, Boolean internal) {}

    /** Feedback from the office to the requester. */
    public record FeedbackInput(String text) {}

    /** Time spent by the contractor, 1..1440 minutes, with an optional work note. */
    public record WorkInput(Integer minutes, String note) {}

    /**
     * The contractor completes the work.
     *
     * @param workDone what was done
     * @param signerName who signed
     * @param signature the signature drawn on screen: a PNG, base64 (a {@code data:image/png;base64,} URL too)
     */
    public record CompletionInput(String workDone, String signerName, String signature) {}

    /** The same move for several tickets, all or nothing. */
    public record BulkInput(List<Long> tickets, TicketStatus to, String reason, Long companyId, Long workerId) {}

    private final TicketService tickets;
    private final TicketAttachments attachments;
    private final TicketAttachmentsImpl limits;

    @Activate
    public TicketResource(
            @Reference TicketService tickets,
            @Reference TicketAttachments attachments,
            @Reference TicketAttachmentsImpl limits) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Submit a ticket",
            description = "Residents for one of their current units (`area` UNIT, `unitId`) or a building where they "
                    + "hold a unit (BUILDING or COMMON_AREA, `buildingId`); staff with `tickets.manage` for any "
                    + "unit or building in scope. Optional pin (`latitude`, `longitude`, near the building), "
                    + "proposed visit (`visitFrom`, `visitTo`, local time, not in the past), contact details and "
                    + "preference. Deadlines follow the organisation's rules. Photos go to `/attachments` after.",
            status = 201,
            response = Ticket.class)
    public Response submit(@Context SecurityContext security, @Context UriInfo uri, NewTicket input) {
        Ticket t = tickets.submit(DomusRest.subject(security), DomusRest.requireBody(input));
        return DomusRest.created(uri, "tickets/" + t.id(), t);
    }

    @GET
    @Path("me")
    @Doc("My tickets (as requester) and, when configured, building-wide tickets of my buildings")
    public Page<Ticket> mine(
            @Context SecurityContext security,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return tickets.mine(DomusRest.subject(security), offset, limit);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TableDownloads.CSV, TableDownloads.XLSX})
    @Doc(
            value = "Tickets in my scope, filtered",
            description = "Staff: their scope; contractors and technicians: their companies' queue; residents: "
                    + "what `/tickets/me` lists. Filters: `organisationId`, `estateId`, `buildingId`, `street`, "
                    + "`categoryId`, `group`, `companyId`, `workerId`, `status` (comma-separated), `overdue`, "
                    + "`source`, `createdFrom`/`createdTo` and `assignedFrom`/`assignedTo` (instants or days in the "
                    + "organisation's zone), `forwarded=true` (ever assigned), `view=today` (created today) or "
                    + "`view=forwarded-today` (assigned today; both need `organisationId`), `text`; `sort` "
                    + "CREATED, REFERENCE, STATUS, PRIORITY, RESOLUTION_DUE or ADDRESS with `desc`; `offset`, "
                    + "`limit` (max 500). `format=csv|xlsx` downloads the list (at most 10,000 rows).")
    public Response list(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @QueryParam("format") String format,
            @QueryParam("organisationId") Long organisationId,
            @QueryParam("estateId") Long estateId,
            @QueryParam("buildingId") Long buildingId,
            @QueryParam("street") String street,
            @QueryParam("categoryId") Long categoryId,
            @QueryParam("group") String group,
            @QueryParam("companyId") Long companyId,
            @QueryParam("workerId") Long workerId,
            @QueryParam("status") String status,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("source") String source,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo,
            @QueryParam("assignedFrom") String assignedFrom,
            @QueryParam("assignedTo") String assignedTo,
            @QueryParam("forwarded") @DefaultValue("false") boolean forwarded,
            @QueryParam("view") String view,
            @QueryParam("text") String text,
            @QueryParam("sort") String sort,
            @QueryParam("desc") @DefaultValue("true") boolean desc,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Subject subject = DomusRest.subject(security);
        Optional<TableFormat> download = TableDownloads.requested(format, headers);
        TicketQuery q = query(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                status,
                overdue,
                source,
                createdFrom,
                createdTo,
                assignedFrom,
                assignedTo,
                forwarded,
                view,
                text,
                sort,
                desc,
                offset,
                limit);
        if (download.isPresent()) {
            var locale = TableDownloads.language(headers, subject);
            return TableDownloads.response(
                    tickets.table(subject.withLocale(locale), q), download.get(), locale, "tickets");
        }
        return Response.ok(tickets.list(subject, q), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("export")
    @Produces({TableDownloads.CSV, TableDownloads.XLSX, MediaType.APPLICATION_JSON})
    @Doc(
            value = "Tickets in my scope as CSV or XLSX",
            description = "The same filters as `GET /tickets`; `format=csv` (default) or `xlsx`.")
    public Response export(
            @Context SecurityContext security,
            @Context HttpHeaders headers,
            @QueryParam("format") @DefaultValue("csv") String format,
            @QueryParam("organisationId") Long organisationId,
            @QueryParam("estateId") Long estateId,
            @QueryParam("buildingId") Long buildingId,
            @QueryParam("street") String street,
            @QueryParam("categoryId") Long categoryId,
            @QueryParam("group") String group,
            @QueryParam("companyId") Long companyId,
            @QueryParam("workerId") Long workerId,
            @QueryParam("status") String status,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("source") String source,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo,
            @QueryParam("assignedFrom") String assignedFrom,
            @QueryParam("assignedTo") String assignedTo,
            @QueryParam("forwarded") @DefaultValue("false") boolean forwarded,
            @QueryParam("view") String view,
            @QueryParam("text") String text,
            @QueryParam("sort") String sort,
            @QueryParam("desc") @DefaultValue("true") boolean desc) {
        Subject subject = DomusRest.subject(security);
        TableFormat f = TableFormat.named(format).orElseThrow(() -> ValidationException.builder()
                .add("format", "validation.one-of", "csv, xlsx")
                .build());
        TicketQuery q = query(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                status,
                overdue,
                source,
                createdFrom,
                createdTo,
                assignedFrom,
                assignedTo,
                forwarded,
                view,
                text,
                sort,
                desc,
                0,
                TicketService.MAX_PAGE);
        var locale = TableDownloads.language(headers, subject);
        return TableDownloads.response(tickets.table(subject.withLocale(locale), q), f, locale, "tickets");
    }

    @GET
    @Path("statistics")
    @Doc(
            value = "Figures for the tickets of a filter in my scope",
            description = "Total, open, done (DONE and CONFIRMED), overdue, median minutes to resolve, on-time "
                    + "ratio, and counts per building, category, company and status. The filters of `GET /tickets`.")
    public TicketStatistics statistics(
            @Context SecurityContext security,
            @QueryParam("organisationId") Long organisationId,
            @QueryParam("estateId") Long estateId,
            @QueryParam("buildingId") Long buildingId,
            @QueryParam("street") String street,
            @QueryParam("categoryId") Long categoryId,
            @QueryParam("group") String group,
            @QueryParam("companyId") Long companyId,
            @QueryParam("workerId") Long workerId,
            @QueryParam("status") String status,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("source") String source,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo,
            @QueryParam("assignedFrom") String assignedFrom,
            @QueryParam("assignedTo") String assignedTo,
            @QueryParam("forwarded") @DefaultValue("false") boolean forwarded,
            @QueryParam("view") String view,
            @QueryParam("text") String text) {
        TicketQuery q = query(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                status,
                overdue,
                source,
                createdFrom,
                createdTo,
                assignedFrom,
                assignedTo,
                forwarded,
                view,
                text,
                null,
                true,
                0,
                1);
        return tickets.statistics(DomusRest.subject(security), q);
    }

    private TicketQuery query(
            Long organisationId,
            Long estateId,
            Long buildingId,
            String street,
            Long categoryId,
            String group,
            Long companyId,
            Long workerId,
            String status,
            Boolean overdue,
            String source,
            String createdFrom,
            String createdTo,
            String assignedFrom,
            String assignedTo,
            boolean forwarded,
            String view,
            String text,
            String sort,
            boolean desc,
            int offset,
            int limit) {
        ValidationException.Builder errors = ValidationException.builder();
        java.util.function.Function<java.time.LocalDate, java.time.Instant> startOfDay = day -> organisationId == null
                ? day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                : tickets.startOfDay(organisationId, day);
        Set<TicketStatus> statuses = TicketsRest.statuses(status, errors);
        var src = TicketsRest.source(source, errors);
        var cf = TicketsRest.instant(createdFrom, "createdFrom", startOfDay, errors);
        var ct = TicketsRest.instant(createdTo, "createdTo", startOfDay, errors);
        var af = TicketsRest.instant(assignedFrom, "assignedFrom", startOfDay, errors);
        var at = TicketsRest.instant(assignedTo, "assignedTo", startOfDay, errors);
        TicketSort order = TicketsRest.enumOf(TicketSort.class, sort, "sort", errors);
        if (view != null && !view.isBlank()) {
            if (organisationId == null) {
                errors.add("organisationId", "validation.required");
            } else if ("today".equals(view) || "forwarded-today".equals(view)) {
                java.time.LocalDate today = tickets.today(organisationId);
                java.time.Instant from = tickets.startOfDay(organisationId, today);
                java.time.Instant to = tickets.startOfDay(organisationId, today.plusDays(1));
                if ("today".equals(view)) {
                    cf = from;
                    ct = to;
                } else {
                    af = from;
                    at = to;
                    forwarded = true;
                }
            } else {
                errors.add("view", "validation.one-of", "today, forwarded-today");
            }
        }
        if (limit < 1 || limit > TicketService.MAX_PAGE) {
            errors.add("limit", "validation.range", 1, TicketService.MAX_PAGE);
        }
        if (offset < 0) {
            errors.add("offset", "validation.min", 0);
        }
        errors.throwIfAny();
        return new TicketQuery(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                statuses,
                overdue,
                src,
                cf,
                ct,
                af,
                at,
                forwarded,
                text,
                order,
                desc,
                offset,
                limit);
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Accept, assign, reject or cancel several tickets at once (office)",
            description = "All or nothing in one transaction: when any ticket cannot be moved, nothing changes and "
                    + "the 422 names each refused one as `tickets[i]`. Needs `tickets.manage` on every ticket: a "
                    + "ticket outside my scope refuses the whole request (403; 404 to residents and contractors).")
    public BulkResult bulk(@Context SecurityContext security, BulkInput input) {
        BulkInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        if (in.tickets() == null || in.tickets().isEmpty()) {
            errors.add("tickets", "validation.required");
        }
        if (in.to() == null) {
            errors.add("to", "validation.required");
        }
        errors.throwIfAny();
        return tickets.bulk(
                DomusRest.subject(security),
                in.tickets(),
                new TransitionRequest(in.to(), in.reason(), in.companyId(), in.workerId(), null, null, null));
    }

    @GET
    @Path("{ticketId}")
    @Doc("One ticket (a neighbour's building-wide ticket without the requester's identity)")
    public Ticket get(@Context SecurityContext security, @PathParam("ticketId") long ticketId) {
        return tickets.get(DomusRest.subject(security), ticketId);
    }

    @GET
    @Path("{ticketId}/timeline")
    @Doc("The ticket's timeline, oldest first; internal notes only for staff and contractors")
    public List<TimelineEntry> timeline(@Context SecurityContext security, @PathParam("ticketId") long ticketId) {
        return tickets.timeline(DomusRest.subject(security), ticketId);
    }

    @GET
    @Path("{ticketId}/transitions")
    @Doc("The statuses I may move the ticket to now")
    public Set<TicketStatus> allowed(@Context SecurityContext security, @PathParam("ticketId") long ticketId) {
        return tickets.allowedTransitions(DomusRest.subject(security), ticketId);
    }

    @POST
    @Path("{ticketId}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Move the ticket to another status",
            description = "`to` as the workflow allows for my part in the ticket (requester, office, assigned "
                    + "contractor); otherwise 409 `tickets.transition.refused` naming the current status and the "
                    + "allowed next ones. REJECTED and REOPENED need `reason`; ASSIGNED needs `companyId` (and "
                    + "optionally `workerId`); the requester confirms with `rating` 1..5 and `comment`. `version` as "
                    + "read: 409 when the ticket changed since.")
    public Ticket transition(
            @Context SecurityContext security, @PathParam("ticketId") long ticketId, TransitionRequest input) {
        TransitionRequest in = DomusRest.requireBody(input);
        if (in.to() == null) {
            throw ValidationException.builder().add("to", "validation.required").build();
        }
        return tickets.transition(DomusRest.subject(security), ticketId, in);
    }

    @POST
    @Path("{ticketId}/assignment")
    @Doc(
            value = "The assigned contractor accepts the assignment",
            description = "Sets `assignmentAcceptedAt` and adds a timeline entry; 409 when no assignment is waiting.")
    public Ticket acceptAssignment(@Context SecurityContext security, @PathParam("ticketId") long ticketId) {
        return tickets.acceptAssignment(DomusRest.subject(security), ticketId);
    }

    @POST
    @Path("{ticketId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Add a comment (or, for staff and contractors, an internal note)",
            status = 201,
            response = TimelineEntry.class)
    public Response comment(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("ticketId") long ticketId,
            CommentInput input) {
        CommentInput in = DomusRest.requireBody(input);
        TimelineEntry e =
                tickets.comment(DomusRest.subject(security), ticketId, in.text(), Boolean.TRUE.equals(in.internal()));
        return DomusRest.created(uri, "tickets/" + ticketId + "/timeline", e);
    }

    @POST
    @Path("{ticketId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Send feedback to the requester (office)", status = 201, response = TimelineEntry.class)
    public Response feedback(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("ticketId") long ticketId,
            FeedbackInput input) {
        TimelineEntry e = tickets.feedback(
                DomusRest.subject(security),
                ticketId,
                DomusRest.requireBody(input).text());
        return DomusRest.created(uri, "tickets/" + ticketId + "/timeline", e);
    }

    @POST
    @Path("{ticketId}/work")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Log time spent (assigned contractor), with an optional internal work note",
            status = 201,
            response = TimelineEntry.class)
    public Response work(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("ticketId") long ticketId,
            WorkInput input) {
        WorkInput in = DomusRest.requireBody(input);
        if (in.minutes() == null) {
            throw ValidationException.builder()
                    .add("minutes", "validation.required")
                    .build();
        }
        TimelineEntry e = tickets.logWork(DomusRest.subject(security), ticketId, in.minutes(), in.note());
        return DomusRest.created(uri, "tickets/" + ticketId + "/timeline", e);
    }

    @GET
    @Path("{ticketId}/attachments")
    @Doc("The ticket's files I may see")
    public List<Attachment> attachments(@Context SecurityContext security, @PathParam("ticketId") long ticketId) {
        return attachments.list(DomusRest.subject(security), ticketId);
    }

    @POST
    @Path("{ticketId}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Doc(
            value = "Add a file: the raw bytes as the body, `?name=` the file name",
            description = "Photos (JPEG, PNG, GIF stored as PNG; re-encoded without metadata), PDF documents and "
                    + "voice notes (Ogg, WebM, MP3, M4A, WAV), checked by their content; the name is cleaned and "
                    + "must match the content's type. Size and count limits from the module's settings. "
                    + "`internal=true` for contractor and staff files never shown to residents.",
            status = 201,
            response = Attachment.class)
    public Response upload(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("ticketId") long ticketId,
            @QueryParam("name") String name,
            @QueryParam("internal") @DefaultValue("false") boolean internal,
            InputStream body) {
        if (name == null || name.isBlank()) {
            throw ValidationException.builder()
                    .add("name", "validation.required")
                    .build();
        }
        Subject subject = DomusRest.subject(security);
        // Access before the body is read: a stranger learns nothing from a refused file.
        tickets.get(subject, ticketId);
        byte[] content = TicketsRest.read(body, limits.policy().maxBytes());
        Attachment a = attachments.upload(subject, ticketId, name, content, internal);
        return DomusRest.created(uri, "tickets/" + ticketId + "/attachments/" + a.id(), a);
    }

    @GET
    @Path("{ticketId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Doc(
            value = "Download a file",
            description = "Served with its stored media type and `X-Content-Type-Options: nosniff`; everything but "
                    + "images as an attachment.")
    public Response download(
            @Context SecurityContext security,
            @PathParam("ticketId") long ticketId,
            @PathParam("attachmentId") long attachmentId) {
        return TicketsRest.file(attachments.download(DomusRest.subject(security), ticketId, attachmentId));
    }

    @POST
    @Path("{ticketId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Finish the work with a completion protocol (assigned contractor)",
            description = "From IN_PROGRESS to DONE with the work done, the requester's signature (PNG, base64) and "
                    + "the signer's name; the protocol PDF (in the requester's language) is stored with the ticket "
                    + "and answered as its attachment.",
            status = 201,
            response = Attachment.class)
    public Response complete(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @PathParam("ticketId") long ticketId,
            CompletionInput input) {
        CompletionInput in = DomusRest.requireBody(input);
        ValidationException.Builder errors = ValidationException.builder();
        byte[] png = null;
        if (in.signature() == null || in.signature().isBlank()) {
            errors.add("signature", "validation.required");
        } else {
            String data = in.signature().strip();
            int comma = data.startsWith("data:") ? data.indexOf(',') : -1;
            try {
                png = Base64.getMimeDecoder().decode(comma >= 0 ? data.substring(comma + 1) : data);
            } catch (IllegalArgumentException e) {
                errors.add("signature", "tickets.protocol.signature-png");
            }
        }
        errors.throwIfAny();
        Attachment protocol =
                attachments.complete(DomusRest.subject(security), ticketId, in.workDone(), png, in.signerName());
        return DomusRest.created(uri, "tickets/" + ticketId + "/protocol", protocol);
    }

    @GET
    @Path("{ticketId}/protocol")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Doc("Download the ticket's completion protocol (PDF)")
    public Response protocol(@Context SecurityContext security, @PathParam("ticketId") long ticketId) {
        return TicketsRest.file(attachments.protocol(DomusRest.subject(security), ticketId));
    }
}
