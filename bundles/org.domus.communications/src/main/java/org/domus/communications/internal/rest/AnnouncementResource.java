package org.domus.communications.internal.rest;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementInput;
import org.domus.communications.AnnouncementNews;
import org.domus.communications.AnnouncementQuery;
import org.domus.communications.AnnouncementReceipts;
import org.domus.communications.AnnouncementService;
import org.domus.communications.AnnouncementState;
import org.domus.communications.CommunicationsPermissions;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.registry.Page;
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
 * {@code /api/communications/announcements}: staff write, publish and withdraw announcements and follow their
 * read receipts; residents read their feed. The service decides every access (404 for what a resident may not
 * know about, 403 for staff outside their scope) and sanitises every body.
 */
@Component(service = AnnouncementResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("communications/announcements")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Announcements: staff notices to parts of the housing stock, with read receipts; the residents' feed")
public class AnnouncementResource {

    /** The version read, for publishing or withdrawing. */
    public record VersionInput(Long version) {}

    /** Targets to count, for "will reach M". */
    public record ReachInput(Long organisationId, List<AudienceTarget> targets) {}

    /** How many residents the targets reach today. */
    public record ReachView(long audienceCount) {}

    /** A body to sanitise. */
    public record PreviewInput(String body) {}

    /** The sanitised body. */
    public record PreviewView(String body) {}

    private final AnnouncementService announcements;
    private final AccessPolicy policy;

    @Activate
    public AnnouncementResource(@Reference AnnouncementService announcements, @Reference AccessPolicy policy) {
        this.announcements = announcements;
        this.policy = policy;
    }

    @GET
    @Doc(
            value = "Announcements in my scope",
            description = "Staff with `communications.read`: announcements with a target inside their scope or "
                    + "addressed to a whole organisation or estate containing it, the newest first, each with "
                    + "`state`, `audienceCount` (M) and `readCount` (N). Filters: `organisationId`, `state` "
                    + "(comma-separated DRAFT, SCHEDULED, PUBLISHED, EXPIRED, WITHDRAWN), `buildingId` (those reaching "
                    + "the building), `text` (in the title); `offset`, `limit` (max 200).")
    public Page<Announcement> list(
            @Context SecurityContext security,
            @QueryParam("organisationId") Long organisationId,
            @QueryParam("state") String state,
            @QueryParam("buildingId") Long buildingId,
            @QueryParam("text") String text,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        ValidationException.Builder errors = ValidationException.builder();
        Set<AnnouncementState> states = EnumSet.noneOf(AnnouncementState.class);
        if (state != null) {
            for (String s : state.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    states.add(AnnouncementState.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add("state", "validation.one-of", java.util.Arrays.toString(AnnouncementState.values()));
                }
            }
        }
        if (offset < 0) {
            errors.add("offset", "validation.min", 0);
        }
        if (limit < 1 || limit > AnnouncementService.MAX_PAGE) {
            errors.add("limit", "validation.range", 1, AnnouncementService.MAX_PAGE);
        }
        errors.throwIfAny();
        return announcements.list(
                DomusRest.subject(security),
                new AnnouncementQuery(organisationId, states, buildingId, text, offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Write an announcement (a draft)",
            description = "Needs `communications.announce` over every target. `organisationId`, `title` (<= 200), "
                    + "`body` (HTML: p, br, b/strong, i/em, u, ul, ol, li, h3, h4, blockquote and a[href] with "
                    + "http, https or mailto; everything else is removed; at most 20,000 characters after that and "
                    + "never empty), `targets` (at least one of `{\"kind\": \"ORGANISATION|ESTATE|BUILDING|UNIT\", "
                    + "\"id\": n}` or `{\"kind\": \"STAIRCASE\", \"id\": buildingId, \"staircase\": \"A\"}`), "
                    + "`publishAt` (optional instant; absent = when published), `expiresAt` (optional, after "
                    + "`publishAt`), `urgent`. A building's manager cannot address the organisation or another "
                    + "building (403).",
            status = 201,
            response = Announcement.class)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, AnnouncementInput input) {
        Announcement a = announcements.create(DomusRest.subject(security), DomusRest.requireBody(input));
        URI location = uri.getBaseUriBuilder()
                .path("communications/announcements/" + a.id())
                .build();
        return Response.created(location)
                .type(MediaType.APPLICATION_JSON)
                .entity(a)
                .build();
    }

    @GET
    @Path("feed")
    @Doc(
            value = "My announcements (residents)",
            description = "Published, unexpired announcements addressed to a unit I hold today (the unit, its "
                    + "staircase, building, estate or organisation), urgent first, then the newest; `read` tells "
                    + "whether I opened each. `limit` (max 200). Empty for accounts holding no unit.",
            response = AnnouncementNews.class,
            responseIsList = true)
    public List<AnnouncementNews> feed(
            @Context SecurityContext security, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > AnnouncementService.MAX_PAGE) {
            throw ValidationException.builder()
                    .add("limit", "validation.range", 1, AnnouncementService.MAX_PAGE)
                    .build();
        }
        return announcements.feed(DomusRest.subject(security), limit);
    }

    @POST
    @Path("reach")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "How many residents targets reach today",
            description = "For an editor's \"will reach M\": `organisationId` and `targets` as when writing; needs "
                    + "`communications.announce` over every target.")
    public ReachView reach(@Context SecurityContext security, ReachInput input) {
        ReachInput in = DomusRest.requireBody(input);
        if (in.organisationId() == null) {
            throw ValidationException.builder()
                    .add("organisationId", "validation.required")
                    .build();
        }
        return new ReachView(announcements.reach(
                DomusRest.subject(security), in.organisationId(), in.targets() == null ? List.of() : in.targets()));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Sanitise a body",
            description = "The body as it would be stored (`communications.announce` needed); 422 when nothing "
                    + "readable is left or it is too long.")
    public PreviewView preview(@Context SecurityContext security, PreviewInput input) {
        policy.require(DomusRest.subject(security), CommunicationsPermissions.ANNOUNCE);
        return new PreviewView(
                announcements.sanitise(DomusRest.requireBody(input).body()));
    }

    @GET
    @Path("{id}")
    @Doc(
            value = "One announcement",
            description = "Staff with `communications.read` get it with its receipts figures (`Announcement`). A "
                    + "resident gets it as in the feed (`AnnouncementNews`) and it is recorded as read; an "
                    + "announcement not addressed to them is 404.",
            response = Announcement.class)
    public Object get(@Context SecurityContext security, @PathParam("id") long id) {
        Subject subject = DomusRest.subject(security);
        if (policy.isGranted(subject, CommunicationsPermissions.READ)) {
            return announcements.get(subject, id);
        }
        return announcements.open(subject, id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Change a draft or scheduled announcement",
            description = "The same fields as when writing, with the `version` read (409 when it changed). Not "
                    + "for announcements already shown (409).")
    public Announcement update(@Context SecurityContext security, @PathParam("id") long id, AnnouncementInput input) {
        return announcements.update(DomusRest.subject(security), id, DomusRest.requireBody(input));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Publish a draft",
            description = "Visible at once when `publishAt` is absent or past (\"publish now\"), otherwise "
                    + "scheduled for it. Body: `{\"version\": n}`. Residents reached are counted then (M).")
    public Announcement publish(@Context SecurityContext security, @PathParam("id") long id, VersionInput input) {
        return announcements.publish(DomusRest.subject(security), id, version(input));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(value = "Withdraw an announcement", description = "It leaves every feed. Body: `{\"version\": n}`.")
    public Announcement withdraw(@Context SecurityContext security, @PathParam("id") long id, VersionInput input) {
        return announcements.withdraw(DomusRest.subject(security), id, version(input));
    }

    @GET
    @Path("{id}/receipts")
    @Doc(
            value = "Read receipts",
            description = "\"Read by N of M\" (`readCount`, `audienceCount`) and who read it when, for staff with "
                    + "`communications.read` over it.")
    public AnnouncementReceipts receipts(@Context SecurityContext security, @PathParam("id") long id) {
        return announcements.receipts(DomusRest.subject(security), id);
    }

    @POST
    @Path("{id}/read")
    @Doc(
            value = "Mark an announcement read (residents)",
            description = "Idempotent; 404 for an announcement not in my feed.")
    public void read(@Context SecurityContext security, @PathParam("id") long id) {
        announcements.markRead(DomusRest.subject(security), id);
    }

    private static long version(VersionInput input) {
        if (input == null || input.version() == null) {
            throw ValidationException.builder()
                    .add("version", "validation.required")
                    .build();
        }
        return input.version();
    }
}
