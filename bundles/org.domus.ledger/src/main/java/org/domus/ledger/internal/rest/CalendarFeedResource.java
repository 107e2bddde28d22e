package org.domus.ledger.internal.rest;

import java.net.URI;
import java.time.Instant;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.ledger.internal.CalendarFeeds;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/ledger/me/calendar-feed}: my secret payment calendar URL, for calendar apps that cannot log
 * in. Issuing shows the URL once (issuing again rotates it); revoking ends it. The URL is served by
 * {@link CalendarFeedDownloadResource}.
 */
@Component(service = CalendarFeedResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/me/calendar-feed")
@Produces(MediaType.APPLICATION_JSON)
@Doc("My payment calendar feed: a secret iCalendar URL for calendar apps")
public class CalendarFeedResource {

    /** The feed as the client sees it; {@code url} only right after issuing. */
    public record Feed(boolean active, Instant issuedAt, String url) {}

    private final CalendarFeeds feeds;

    @Activate
    public CalendarFeedResource(@Reference CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Doc("Whether I have a calendar feed, and since when (the URL itself is shown only when issued)")
    public Feed status(@Context SecurityContext security) {
        Subject me = DomusRest.subject(security);
        return feeds.issuedAt(me).map(at -> new Feed(true, at, null)).orElse(new Feed(false, null, null));
    }

    @POST
    @Doc(
            value = "Issue my calendar feed URL, or rotate it",
            description = "Answers the secret URL once; an earlier URL stops working. Subscribe a calendar app to "
                    + "it: it lists the due dates of my current units.",
            status = 201,
            response = Feed.class)
    public Response issue(@Context SecurityContext security, @Context UriInfo uri) {
        Subject me = DomusRest.subject(security);
        String secret = feeds.issue(me);
        URI url = uri.getBaseUriBuilder()
                .path(CalendarFeedDownloadResource.class)
                .path(CalendarFeedDownloadResource.class, "feed")
                .build(secret);
        Instant at = feeds.issuedAt(me).orElseThrow();
        return Response.created(url)
                .entity(new Feed(true, at, url.toString()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @DELETE
    @Doc("Revoke my calendar feed URL (404 when there is none)")
    public void revoke(@Context SecurityContext security) {
        if (!feeds.revoke(DomusRest.subject(security))) {
            throw new DomusException(DomusException.Kind.NOT_FOUND, "ledger.calendar-feed.not-found");
        }
    }
}
