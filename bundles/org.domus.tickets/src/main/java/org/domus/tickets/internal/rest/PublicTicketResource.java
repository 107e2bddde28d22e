package org.domus.tickets.internal.rest;

import java.io.InputStream;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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
import javax.ws.rs.core.UriInfo;
import org.domus.rest.ClientAddress;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.Problem;
import org.domus.rest.Public;
import org.domus.rest.TableDownloads;
import org.domus.rest.ValidationException;
import org.domus.tickets.Attachment;
import org.domus.tickets.PublicBuilding;
import org.domus.tickets.PublicForm;
import org.domus.tickets.PublicSubmission;
import org.domus.tickets.PublicTickets;
import org.domus.tickets.RateLimitedException;
import org.domus.tickets.internal.TicketAttachmentsImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/tickets/public/{code}}: the anonymous form behind a building's code (no login). Submissions are
 * limited per client address and per code; an exceeded limit is a 429 problem with {@code Retry-After}.
 */
@Component(service = PublicTicketResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("tickets/public/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Doc("The public (anonymous) form of a building, reached through the code on the sticker")
public class PublicTicketResource {

    private final PublicTickets form;
    private final TicketAttachmentsImpl limits;

    @Activate
    public PublicTicketResource(@Reference PublicTickets form, @Reference TicketAttachmentsImpl limits) {
        this.form = form;
        this.limits = limits;
    }

    @GET
    @Doc("The building's address and the categories to choose from; 404 for an unknown or replaced code")
    public PublicBuilding building(@PathParam("code") String code) {
        return form.building(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Report a building-wide problem without logging in",
            description = "`categoryId`, `description` (at most 2000 characters), optional `name`, `contact` "
                    + "(e-mail or phone) and pin. The answer carries the reference and a one-time `photoToken` for "
                    + "one photo (`POST .../photo?token=&name=`, within an hour). Limits per client address and per "
                    + "code: 429 with `Retry-After`.",
            status = 201,
            response = PublicSubmission.class)
    public Response submit(
            @Context HttpServletRequest request,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @PathParam("code") String code,
            PublicForm input) {
        try {
            PublicSubmission sent = form.submit(code, DomusRest.requireBody(input), ClientAddress.of(request));
            return DomusRest.created(uri, "tickets/public/" + code, sent);
        } catch (RateLimitedException e) {
            return tooMany(e, headers, uri);
        }
    }

    @POST
    @Path("photo")
    @Consumes(MediaType.WILDCARD)
    @Doc(
            value = "Add the one photo a submission allows: raw bytes as the body",
            description = "`token` from the submission (spent by this call, even when the photo is refused), "
                    + "`name` the file name. JPEG, PNG or GIF, checked by content and re-encoded.",
            status = 201,
            response = Attachment.class)
    public Response photo(
            @Context UriInfo uri,
            @PathParam("code") String code,
            @QueryParam("token") String token,
            @QueryParam("name") String name,
            InputStream body) {
        if (name == null || name.isBlank()) {
            throw ValidationException.builder()
                    .add("name", "validation.required")
                    .build();
        }
        // an unknown or replaced code is a 404 before the body is read
        form.building(code);
        byte[] content = TicketsRest.read(body, limits.policy().maxBytes());
        Attachment a = form.attachPhoto(token, name, content);
        return DomusRest.created(uri, "tickets/public/" + code, a);
    }

    private static Response tooMany(RateLimitedException e, HttpHeaders headers, UriInfo uri) {
        var locale = TableDownloads.language(headers, null);
        String detail = org.domus.tickets.internal.PublicMessages.text(locale, e.messageKey(), e.retryAfterSeconds());
        Problem problem = new Problem(
                "urn:domus:problem:" + e.messageKey(),
                "Too Many Requests",
                429,
                detail,
                "/" + uri.getPath(),
                null,
                e.messageKey(),
                null);
        return Response.status(429)
                .type(DomusRest.PROBLEM_JSON)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(problem)
                .build();
    }
}
