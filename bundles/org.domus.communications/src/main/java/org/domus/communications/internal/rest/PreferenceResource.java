package org.domus.communications.internal.rest;

import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.domus.communications.NotificationPreferences;
import org.domus.communications.NotificationService;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/communications/preferences}: the signed-in account's notification channels per kind. */
@Component(service = PreferenceResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@Path("communications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Notification preferences: which kinds of notification reach me in the application and by e-mail")
public class PreferenceResource {

    /**
     * My preferences.
     *
     * @param channels per kind (ANNOUNCEMENTS, TICKET_UPDATES, PAYMENT_REMINDERS, MESSAGES) the channels that are
     *     on (IN_APP, EMAIL)
     * @param email my e-mail address, null when the account has none (then e-mail delivers nothing)
     */
    public record PreferencesView(Map<NotificationKind, Set<NotificationChannel>> channels, String email) {

        static PreferencesView of(NotificationPreferences p) {
            return new PreferencesView(p.channels(), p.email().orElse(null));
        }
    }

    /** New channels per kind; a kind left out keeps its channels. */
    public record PreferencesInput(Map<NotificationKind, Set<NotificationChannel>> channels) {}

    private final NotificationService notifications;

    @Activate
    public PreferenceResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Doc(value = "My notification preferences", response = PreferencesView.class)
    public PreferencesView get(@Context SecurityContext security) {
        return PreferencesView.of(notifications.preferences(DomusRest.subject(security)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Change my notification preferences",
            description = "`{\"channels\": {\"PAYMENT_REMINDERS\": [\"IN_APP\", \"EMAIL\"], \"ANNOUNCEMENTS\": []}}`: "
                    + "the channels that are on for each kind given; kinds left out keep theirs. An unknown kind or "
                    + "channel is a 400 and changes nothing. Payment reminders and new charges reach a resident by "
                    + "e-mail only when they switch EMAIL on here.",
            response = PreferencesView.class)
    public PreferencesView put(@Context SecurityContext security, PreferencesInput input) {
        if (input == null || input.channels() == null) {
            ValidationException.builder().add("channels", "validation.required").throwIfAny();
        }
        return PreferencesView.of(notifications.savePreferences(DomusRest.subject(security), input.channels()));
    }
}
