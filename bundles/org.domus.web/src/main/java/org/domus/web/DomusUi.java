package org.domus.web;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.internal.ui.AccessDeniedException;

/**
 * Helpers for views running in the Domus shell. All methods must be called from a UI thread (an event
 * listener, a constructor of a view, or inside {@code UI.access}).
 */
public final class DomusUi {

    /**
     * Manifest header naming the base name of a bundle's translation files, e.g.
     * {@code Domus-I18n: i18n/messages}. See the package documentation.
     */
    public static final String I18N_HEADER = "Domus-I18n";

    private static final int NOTIFICATION_MILLIS = 5000;

    private DomusUi() {}

    /** The signed-in subject of the current UI session, or empty before login. */
    public static Optional<Subject> subject() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Subject.class));
    }

    /**
     * The signed-in subject.
     *
     * @throws DomusException UNAUTHENTICATED when nobody is signed in (the shell normally prevents this)
     */
    public static Subject requireSubject() {
        return subject()
                .orElseThrow(() -> new DomusException(DomusException.Kind.UNAUTHENTICATED, "error.unauthenticated"));
    }

    /** The locale of the current UI, English outside a UI. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    /** Translates a key with the shell's aggregated message bundles in the current UI's locale. */
    public static String translate(String key, Object... arguments) {
        VaadinService service = VaadinService.getCurrent();
        I18NProvider provider =
                service == null ? null : service.getInstantiator().getI18NProvider();
        return provider == null ? key : provider.getTranslation(key, locale(), arguments);
    }

    /**
     * Shows the shell's "page not found" for a NOT_FOUND refusal and its "access denied" for a FORBIDDEN
     * one, instead of the view: call it from {@code setParameter} or {@code beforeEnter} when loading the
     * object of the URL fails, so that a refused object looks the same in every module (and a resident
     * cannot tell someone else's object from a missing one).
     *
     * @return true when the event was rerouted; false for other refusals, which the view shows itself
     * @since 1.2
     */
    public static boolean showRefusal(BeforeEvent event, DomusException error) {
        switch (error.kind()) {
            case NOT_FOUND -> event.rerouteToError(NotFoundException.class);
            case FORBIDDEN -> event.rerouteToError(AccessDeniedException.class);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Shows the translated message of a refused request as an error notification. */
    public static void showError(DomusException error) {
        Notification notification = Notification.show(
                translate(error.messageKey(), error.arguments().toArray()),
                NOTIFICATION_MILLIS,
                Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Shows a translated confirmation, e.g. after saving. */
    public static void showSuccess(String key, Object... arguments) {
        Notification notification =
                Notification.show(translate(key, arguments), NOTIFICATION_MILLIS, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
