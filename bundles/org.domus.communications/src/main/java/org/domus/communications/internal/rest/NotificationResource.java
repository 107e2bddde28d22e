package org.domus.communications.internal.rest;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.communications.Notification;
import org.domus.communications.NotificationKind;
import org.domus.communications.NotificationService;
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
 * {@code /api/communications/notifications}: the signed-in account's notification centre. Every operation works
 * on the caller's own notifications; another account's notification is a 404.
 */
@Component(service = NotificationResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("communications/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Notifications: my notification centre (ticket updates, announcements, payment reminders, messages)")
public class NotificationResource {

    /** How many notifications are unread. */
    public record UnreadView(long unread) {}

    /** How many notifications were marked read. */
    public record MarkedView(int marked) {}

    private final NotificationService notifications;

    @Activate
    public NotificationResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Doc(
            value = "My notifications",
            description = "The caller's notifications, unread first, then the newest first. Each has `kind` "
                    + "(ANNOUNCEMENTS, TICKET_UPDATES, PAYMENT_REMINDERS, MESSAGES), `title`, `text`, `link` (the "
                    + "item's route in the web UI), `created` and `readAt` (null while unread). Filters: `unread` "
                    + "(true: only unread ones), `kind`; `offset`, `limit` (1 to 200). An unknown kind is a 400.")
    public Page<Notification> list(
            @Context SecurityContext security,
            @QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("kind") NotificationKind kind,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        ValidationException.Builder errors = ValidationException.builder();
        if (offset < 0) {
            errors.add("offset", "validation.min", 0);
        }
        if (limit < 1 || limit > 200) {
            errors.add("limit", "validation.range", 1, 200);
        }
        errors.throwIfAny();
        return notifications.list(DomusRest.subject(security), unread, kind, offset, limit);
    }

    @GET
    @Path("unread-count")
    @Doc(value = "How many of my notifications are unread", response = UnreadView.class)
    public UnreadView unreadCount(@Context SecurityContext security) {
        return new UnreadView(notifications.unreadCount(DomusRest.subject(security)));
    }

    @POST
    @Path("{id}/read")
    @Doc(
            value = "Mark one of my notifications read",
            description = "Reading it again changes nothing. Another account's notification is a 404.",
            response = Notification.class)
    public Notification markRead(@Context SecurityContext security, @PathParam("id") long id) {
        return notifications.markRead(DomusRest.subject(security), id);
    }

    @POST
    @Path("read-all")
    @Doc(
            value = "Mark all my notifications read",
            description = "Answers how many were unread.",
            response = MarkedView.class)
    public MarkedView markAllRead(@Context SecurityContext security) {
        return new MarkedView(notifications.markAllRead(DomusRest.subject(security)));
    }
}
