package org.domus.ledger.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.account.AccountService;
import org.domus.ledger.internal.CalendarFeeds;
import org.domus.ledger.payment.PaymentCalendar;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.Public;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/ledger/calendar/{token}.ics}: a resident's payment calendar for calendar apps. The secret in
 * the path is the credential, so this one method is {@link Public} (the authentication filter lets it through
 * without a session or bearer token); an unknown or revoked secret, or an account that may no longer sign
 * in, is a 404 that does not say which.
 */
@Component(service = CalendarFeedDownloadResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("ledger/calendar")
@Doc("Payment calendar feeds for calendar apps, opened by their secret URL")
public class CalendarFeedDownloadResource {

    private final CalendarFeeds feeds;
    private final AccountService accounts;

    @Activate
    public CalendarFeedDownloadResource(@Reference CalendarFeeds feeds, @Reference AccountService accounts) {
        this.feeds = feeds;
        this.accounts = accounts;
    }

    @GET
    @Path("{token}.ics")
    @Public
    @Produces(PaymentCalendar.MEDIA_TYPE)
    @Doc(
            value = "The payment calendar of a feed URL (no login: the secret in the URL is the credential)",
            description = "Due dates of the feed owner's current units over the last 12 months, one all-day event "
                    + "per month with charges. 404 for an unknown or revoked URL.")
    public Response feed(@PathParam("token") String token, @Context UriInfo uri) {
        Subject owner = feeds.accountOf(token)
                .flatMap(accounts::subjectOf)
                .orElseThrow(() -> new DomusException(DomusException.Kind.NOT_FOUND, "ledger.calendar-feed.not-found"));
        String host = uri == null || uri.getBaseUri().getHost() == null
                ? "domus"
                : uri.getBaseUri().getHost().replaceAll("[^A-Za-z0-9.-]", "-");
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoStore(true);
        return Response.ok(feeds.render(owner, host), PaymentCalendar.MEDIA_TYPE)
                .cacheControl(cache)
                .build();
    }
}
